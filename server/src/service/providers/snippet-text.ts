/**
 * The text a snippet inserts when the user only presses Tab: each placeholder its default, each
 * choice its first option, each variable its value. Throws on syntax it does not know.
 */
export function expandSnippet(body: string, variables: Readonly<Record<string, string>> = {}): string {
  let out = '';
  let index = 0;
  const readUntil = (stops: string): string => {
    let text = '';
    while (index < body.length && !stops.includes(body[index])) {
      const char = body[index];
      if (char === '\\' && index + 1 < body.length) {
        text += body[index + 1];
        index += 2;
      } else if (char === '$') {
        text += readDollar();
      } else {
        text += char;
        index++;
      }
    }
    return text;
  };
  const readDollar = (): string => {
    index++; // `$`
    const simple = /^(\d+|[A-Z_]+)/.exec(body.slice(index));
    if (simple) {
      index += simple[0].length;
      return /^\d/.test(simple[0]) ? '' : variableValue(simple[0]);
    }
    if (body[index] !== '{') return '$';
    index++; // `{`
    const name = /^(\d+|[A-Z_]+)/.exec(body.slice(index))![0];
    index += name.length;
    let value = /^\d/.test(name) ? '' : variableValue(name);
    if (body[index] === ':') {
      index++;
      value = readUntil('}');
    } else if (body[index] === '|') {
      index++;
      const options = readUntil('|').split(',');
      index++; // closing `|`
      value = options[0];
    }
    if (body[index] !== '}') throw new Error(`unknown snippet syntax at ${index} of ${body}`);
    index++;
    return value;
  };
  const variableValue = (name: string): string => {
    if (!Object.prototype.hasOwnProperty.call(variables, name)) throw new Error(`unknown snippet variable ${name}`);
    return variables[name];
  };
  while (index < body.length) out += readUntil('');
  return out;
}

