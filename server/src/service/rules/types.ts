import type { IssueModel } from '../model/types';
import type { Range } from '../util/text';
import type { LineSpan } from './span';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** What a finding is, which decides its severity with the issue's moment and the preset (service/severity.ts). */
export type Certainty = 'defect' | 'convention' | 'task';
/**
 * What a rule or a finding declares of itself: its certainty, or `hint` for a remark below that
 * scale (trailing spaces, an http link that could be https), a hint in every moment.
 */
export type Weight = Certainty | 'hint';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A correction computed with its finding: minimal edits that touch only the text they target. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Whether fix-all may apply it unasked (false for fixes that need a person's eye). Default true. */
  safe?: boolean;
  /**
   * The lines the fix may change when they reach beyond the finding's entry (or the finding's own
   * lines, outside entries): a sorted region, a moved event's old and new place. Tested as a property.
   */
  scope?: Range[];
  /** Why a fix that is usually applied unasked is not this time (a doubtful header date…), for the person asked. */
  doubt?: string;
  /**
   * Whether the fix follows from the events window (removing an event outside it): fix-all applies
   * it unasked only when the window was confirmed before the run's first fix (see trust.ts).
   */
  restsOnWindow?: boolean;
}

export interface Finding {
  range: Range;
  message: string;
  fix?: Fix;
  /** What this finding is when it is not what its rule usually reports (a softer case). */
  certainty?: Weight;
  /** A placeholder filled only after publishing (`REDDIT_LINK_HERE`): never a blocker (service/severity.ts). */
  afterPublication?: boolean;
  /** A publishing task that the record shows editors leaving undone: asked at publishing, information once published (service/severity.ts). */
  publishingOnly?: boolean;
}

/**
 * What rules need of an issue before this one (in `content/` or `draft/`): plain data, computed once
 * per file and version, so that the CLI shares it between its threads instead of each building the model.
 */
export interface EarlierIssue {
  readonly fileName: string;
  readonly issueNumber?: number;
  /** The comparable form (`comparableUrl`) of each community link's URL, in document order, once each. */
  readonly communityUrls: readonly string[];
  /** The places its events write with a state (`Portland, OR, US`), for events/location to fill one in. */
  readonly statedPlaces: readonly StatedPlace[];
}

/** `Portland, OR, US` as `['Portland', 'OR', 'US']`. */
export type StatedPlace = readonly [city: string, state: string, country: string];

export interface RuleContext {
  readonly model: IssueModel;
  /** The most recent issues before this one, newest first (may be empty). */
  readonly recentIssues: readonly EarlierIssue[];
  /** For a local rule: the lines to check (see `Rule.local`); undefined: the whole document. */
  readonly span?: LineSpan;
}

/** Lines of an issue as a rule reports them and as they should be. */
export interface RuleExample {
  readonly wrong: string;
  /** Absent when what is right cannot be shown (a link that has to be looked up). */
  readonly right?: string;
  /**
   * Where the lines go: `body` (default) after the header of issue 634 (2026-01-14); `community`
   * in a category of Updates from Rust Community; `events` in Upcoming Events, after its window
   * line (2026-01-14 - 2026-02-11); `file`: the lines are the whole file.
   */
  readonly in?: 'body' | 'community' | 'events' | 'file';
}

/** A rule: one file with its id, docs, certainty, check and (in its findings) fixes. */
export interface Rule {
  /** Stable id, `area/name`: tools outside the project rely on it. */
  readonly id: string;
  /** One paragraph: what the rule reports and why, shown in hovers and in the README. */
  readonly docs: string;
  /**
   * What its findings are: a `defect` the site shows or a wrong event (an error), today's
   * `convention` broken (a warning), or the week's publishing `task` (information while the issue is
   * in progress, an error at publishing). `severityOf` (service/severity.ts) turns it into a severity.
   */
  readonly certainty: Weight;
  /**
   * Whether the rule runs only when a setting names it (`"rule/id": "error"`): a check for one
   * setting, such as CI, that would be noise in the editor. Its certainty applies when it is on.
   */
  readonly offByDefault?: boolean;
  /** Whether its findings come with a fix (shown in the README's rule table). */
  readonly fixable: boolean;
  /**
   * Whether the rule is local: what it reports on a run of lines depends only on those lines, the
   * header and the sections they are in, and it checks only `context.span` when one is given. After
   * an edit, its findings on unchanged segments are reused (lint.ts); `testRule` checks the promise.
   */
  readonly local?: boolean;
  /**
   * What the rule shares with the checks editors already run, in a few words each (shown in the
   * README's rule table): TWiR's CI scripts (`tools/inspect_links.py`, `tools/inspect_markdown.py`)
   * and the events team's linter (bdillo/twir-events-lint). Absent: the rule is ours alone.
   */
  readonly peers?: { readonly twirCi?: string; readonly eventsLint?: string };
  /**
   * What it reports and what is right instead, shown in its documentation (docs.ts). A test puts
   * both into an issue of 2026 and checks that the rule reports `wrong`, not `right`, and that its
   * fixes turn one into the other.
   */
  readonly example?: RuleExample;
  /** Whether the rule applies to the draft template too (default false: the template is full of placeholders). */
  readonly appliesToTemplate?: boolean;
  check(context: RuleContext): Finding[];
}
