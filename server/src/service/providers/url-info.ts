/** What a URL points to, in the words an editor uses: `rust-lang/rust#12345`, RFC 3681, a crate. */
export function describeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.replace(/^www\./, '');
  const parts = parsed.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  switch (host) {
    case 'github.com':
      return describeGitHub(parts);
    case 'rust-lang.github.io': {
      const rfc = parts[0] === 'rfcs' && /^(\d{4})-(.+?)(?:\.html)?$/.exec(parts[1] ?? '');
      return rfc ? `RFC ${Number(rfc[1])} (${rfc[2]}), rendered` : undefined;
    }
    case 'crates.io':
      if (parts[0] === 'crates' && parts[1]) return `crates.io crate \`${parts[1]}\`${parts[2] ? ` ${parts[2]}` : ''}`;
      return undefined;
    case 'lib.rs':
      if (parts[0] === 'crates' && parts[1]) return `lib.rs crate \`${parts[1]}\``;
      return undefined;
    case 'docs.rs':
      return describeDocsRs(parts);
    case 'meetup.com':
      if (parts[1] === 'events' && parts[2]) return `Meetup group \`${parts[0]}\`, event ${parts[2]}`;
      if (parts[0]) return `Meetup group \`${parts[0]}\``;
      return undefined;
    case 'users.rust-lang.org':
    case 'internals.rust-lang.org':
      return parts[0] === 't' ? `${host === 'users.rust-lang.org' ? 'Rust users forum' : 'Rust internals forum'} thread \`${parts[1] ?? ''}\`${parts[3] ? `, post ${parts[3]}` : ''}` : undefined;
    case 'reddit.com':
      return parts[0] === 'r' && parts[1] ? `Reddit r/${parts[1]}${parts[2] === 'comments' ? ' thread' : ''}` : undefined;
    case 'blog.rust-lang.org':
      return 'Rust blog post';
    default:
      return undefined;
  }
}

function describeGitHub(parts: readonly string[]): string | undefined {
  const [owner, repo, kind, id] = parts;
  if (!owner) return undefined;
  if (!repo) return `GitHub user or organisation \`${owner}\``;
  const name = `${owner}/${repo}`;
  if ((kind === 'issues' || kind === 'pull') && id && /^\d+$/.test(id)) {
    const what = kind === 'pull' ? 'pull request' : 'issue';
    const rfc = name === 'rust-lang/rfcs' ? ` (RFC PR ${id})` : '';
    return `GitHub ${what} \`${name}#${id}\`${rfc}`;
  }
  if (kind === 'commit' && id) return `GitHub commit \`${name}@${id.slice(0, 7)}\``;
  if (kind === 'blob' && name === 'rust-lang/rfcs') {
    const rfc = /^(\d{4})-(.+?)\.md$/.exec(parts[parts.length - 1]);
    if (rfc) return `RFC ${Number(rfc[1])} (${rfc[2]})`;
  }
  if (!kind) return `GitHub repository \`${name}\``;
  if (kind === 'issues' || kind === 'pulls' || kind === 'labels') return `GitHub ${kind === 'pulls' ? 'pull requests' : 'issues'} of \`${name}\` (a list)`;
  return `GitHub \`${name}\` (${kind})`;
}

/** `docs.rs/serde/1.0.0/serde/de/trait.Deserialize.html` → trait `serde::de::Deserialize`. */
function describeDocsRs(parts: readonly string[]): string | undefined {
  const [crate, version, ...path] = parts;
  if (!crate) return undefined;
  if (crate === 'crate' && version) return `docs.rs crate page of \`${version}\``;
  const last = path[path.length - 1];
  const item = last && /^(\w+)\.(\w+)\.html$/.exec(last);
  if (item) return `docs.rs ${item[1]} \`${[...path.slice(0, -1), item[2]].join('::')}\`${version && version !== 'latest' ? ` (${crate} ${version})` : ''}`;
  const modulePath = path.filter((part) => part !== 'index.html');
  return `docs.rs \`${modulePath.length > 0 ? modulePath.join('::') : crate}\`${version && version !== 'latest' ? ` (${crate} ${version})` : ''}`;
}

