/** Small pieces of English used in messages about the model. */

/** `a service`, `an identity`, `an agent`: the indefinite article a kind name takes. */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
