import { commentProblem, decodeScene, isSceneToken, normalizeText, textCharacterProblem, textLength, nextCampaignStatus } from '../src';

describe('comment rules', () => {
  it('accepts an empty comment (comments are optional)', () => {
    expect(commentProblem(normalizeText('   '))).toBeNull();
  });
  it('refuses a comment of only zero-width characters', () => {
    expect(commentProblem(normalizeText('\u200B\u200C\u200D\uFEFF'))).toMatch(/不可见/);
  });
  it('accepts 500 characters and refuses 501', () => {
    expect(commentProblem('好'.repeat(500))).toBeNull();
    expect(commentProblem('好'.repeat(501))).toMatch(/500/);
  });
  it('counts an emoji as one character', () => {
    expect(textLength('👍好')).toBe(2);
  });
  it('removes bidi overrides and normalises to NFC', () => {
    expect(normalizeText('a\u202Eb')).toBe('ab');
    expect(normalizeText('e\u0301')).toBe('\u00e9');
  });
});

describe('scene tokens', () => {
  it('accepts WeChat scene characters up to 32', () => {
    expect(isSceneToken('aZ09-._~')).toBe(true);
    expect(isSceneToken('a'.repeat(33))).toBe(false);
    expect(isSceneToken('有中文')).toBe(false);
  });
  it('decodes a URL-encoded scene as WeChat passes it', () => {
    expect(decodeScene('h%3DAbC')).toBe('h=AbC');
    expect(decodeScene('%E0%A4%A')).toBeNull();
  });
});

describe('campaign moves', () => {
  it('goes draft → open → closed → published and nowhere else', () => {
    expect(nextCampaignStatus('draft', 'open')).toBe('open');
    expect(nextCampaignStatus('open', 'close')).toBe('closed');
    expect(nextCampaignStatus('closed', 'publish')).toBe('published');
    expect(nextCampaignStatus('draft', 'close')).toBeNull();
    expect(nextCampaignStatus('published', 'open')).toBeNull();
  });
});

describe('textCharacterProblem', () => {
  it('allows newline, tab, CJK and emoji (a surrogate pair)', () => {
    expect(textCharacterProblem('第一行\n第二行\t👍')).toBeNull();
  });
  it.each([
    ['NUL', 'a\u0000b'],
    ['carriage return', 'a\rb'],
    ['escape', '\u001b[31m红'],
    ['DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085b'],
  ])('refuses %s', (_name, text) => {
    expect(textCharacterProblem(text)).toMatch(/控制字符/);
  });
  it.each([
    ['a lone high surrogate', 'a\ud83d'],
    ['a lone low surrogate', '\udc4db'],
    ['a reversed pair', '\udc4d\ud83d'],
  ])('refuses %s', (_name, text) => {
    expect(textCharacterProblem(text)).toMatch(/代理项/);
  });
});
