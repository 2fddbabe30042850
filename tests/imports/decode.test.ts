/** Reading CSV bytes whatever wrote them: BOMs first, then UTF-8, then chardet's guess. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../main/imports/decode';

const TEXT =
  '客户编号,客户类型,区域,行业\r\nC202405001,高价值客户,华东,制造业\r\nC202405002,新客户,华南,零售\r\n';

describe('decoding a CSV file', () => {
  it.each([
    [
      'UTF-8 with a BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
      'UTF-8',
    ],
    ['UTF-8 without a BOM', Buffer.from(TEXT), 'UTF-8'],
    [
      'UTF-16LE with a BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]),
      'UTF-16LE',
    ],
    [
      'UTF-16BE with a BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]),
      'UTF-16BE',
    ],
    ['UTF-16LE without a BOM', iconv.encode(TEXT, 'utf-16le'), 'UTF-16LE'],
    ['GBK', iconv.encode(TEXT, 'gbk'), 'GB18030'],
    ['GB18030', iconv.encode(TEXT, 'gb18030'), 'GB18030'],
  ])('reads %s, without the BOM in the text', (_name, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding });
  });

  it('reads short GBK text that chardet alone would take for a Western code page', () => {
    const text = 'a,b\r\n华东,4\r\n';
    expect(decodeText(iconv.encode(text, 'gbk')).text).toBe(text);
  });

  it('reads Latin-1 text that is not Chinese when chardet is sure of it', () => {
    const text = 'name,ville\ncafé crème,Besançon à côté de Montbéliard\n'.repeat(5);
    expect(decodeText(iconv.encode(text, 'latin1')).text).toBe(text);
  });
});
