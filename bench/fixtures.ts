// Same inputs for both sides of every comparison.

export const PASSWORD = 'correct horse battery staple 42';
// Standard BIP-39 test vector; never holds funds.
export const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

// Roughly what a wallet vault holds: one HD keyring (MetaMask's own vault shape).
export const VAULT_OBJECT = [
  { type: 'HD Key Tree', data: { mnemonic: MNEMONIC, numberOfAccounts: 3, hdPath: "m/44'/60'/0'/0" } },
];
