// Public surface of the Ethereum request-parsing module.
export { InvalidParamsError } from './errors';
export { isHexString, parseQuantity, toQuantity } from './hex';
export { CHAIN_ID_LIMIT, chainIdToHex, parseChainId } from './chain-id';
export { decodePersonalMessage, personalSignParams, type PersonalMessage } from './personal-sign';
export { parseTypedData, type ParsedTypedData } from './typed-data';
export type { DisplayField } from './typed-data-fields';
export type { TypedDataDomain } from './typed-data-domain';
export type { TypedDataField, TypedDataTypes } from './eip712-types';
export { callArg, decodeCall, tokenAmountArg, type DecodedArg, type DecodedCall } from './calldata';
