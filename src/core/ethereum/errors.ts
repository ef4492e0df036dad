// Thrown for malformed dapp-supplied RPC params. The background maps it to the
// JSON-RPC "Invalid params" error (-32602); the message is shown to the dapp,
// so it names the problem but never echoes anything secret.
export class InvalidParamsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidParamsError';
  }
}
