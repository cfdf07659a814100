import { describe, expect, it } from 'vitest';
import { buildModel } from './model/build';
import { RULES } from './rules/index';
import { ruleDefault } from './rules/docs';
import { MOMENTS, momentOf, severityOf, type Moment } from './severity';

const at = (moment: Moment) => (certainty: Parameters<typeof severityOf>[0]['certainty'], afterPublication?: boolean) => severityOf({ certainty, afterPublication }, { moment });

describe('severityOf: certainty × moment × preset × settings', () => {
  it('a defect is an error and a broken convention a warning in every moment; a hint stays a hint', () => {
    for (const moment of MOMENTS) {
      expect([at(moment)('defect'), at(moment)('convention'), at(moment)('hint')]).toEqual(['error', 'warning', 'hint']);
    }
  });

  it('a publishing task is information while the issue is in progress, an error at publishing and once published', () => {
    expect(MOMENTS.map((moment) => at(moment)('task'))).toEqual(['info', 'error', 'error']);
  });

  it('a placeholder filled after publishing never blocks: information until published, then a warning', () => {
    expect(MOMENTS.map((moment) => at(moment)('task', true))).toEqual(['info', 'info', 'warning']);
  });

  it('a preset replaces the rule\'s default but not a finding\'s own softer certainty; a setting always wins', () => {
    expect(severityOf({ certainty: 'convention' }, { moment: 'in-progress', preset: 'error' })).toBe('error');
    expect(severityOf({ certainty: 'hint' }, { moment: 'in-progress', preset: 'error', ownCertainty: true })).toBe('hint');
    expect(severityOf({ certainty: 'defect' }, { moment: 'published', setting: 'hint' })).toBe('hint');
  });

  it('the moment comes from the folder: draft/ is in progress (publishing when checked for it), anything else published', () => {
    const model = (folder?: string) => buildModel('Title: This Week in Rust 634\n\n', { folder });
    expect([momentOf(model('draft')), momentOf(model('draft'), true), momentOf(model('content')), momentOf(model(undefined))]).toEqual(['in-progress', 'publishing', 'published', 'published']);
  });

  it('every rule declares a certainty, and the README table says each rule\'s default from severityOf', () => {
    for (const rule of RULES) expect(['defect', 'convention', 'task', 'hint']).toContain(rule.certainty);
    const byId = Object.fromEntries(RULES.map((rule) => [rule.id, ruleDefault(rule)]));
    expect(byId['events/out-of-window']).toBe('info in a draft, error at publishing');
    expect(byId['render/nested-indent']).toBe('error');
    expect(byId['events/order']).toBe('warning');
    expect(byId['submerge/any-marker']).toBe('off (error when on)');
  });
});
