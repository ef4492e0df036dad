import { describe, expect, it } from 'vitest';
import { InvalidParamsError } from './errors';

describe('InvalidParamsError', () => {
  it('is an Error with its own name and the given message', () => {
    const err = new InvalidParamsError('bad chainId');
    expect(err).toBeInstanceOf(Error);
    expect(err).toBeInstanceOf(InvalidParamsError);
    expect(err.name).toBe('InvalidParamsError');
    expect(err.message).toBe('bad chainId');
  });
});
