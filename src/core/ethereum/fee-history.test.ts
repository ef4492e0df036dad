import { describe, expect, it } from 'vitest';
import { presetsFromFeeHistory, presetsFromGasPrice, TIP_FLOOR } from './fee-history';

// The shape a mainnet node answers to eth_feeHistory("0x5", "latest", [10, 50, 90]) since Dencun:
// baseFeePerGas has one entry more than the blocks asked (the next block's), blob fields
// alongside, one reward row per block with one tip per percentile.
const MAINNET = {
  oldestBlock: '0x1524a2c',
  baseFeePerGas: ['0x2a6f9e1c1', '0x2b8cfaf2e', '0x2a01e2d66', '0x29c76ac5b', '0x2bb1d4a37', '0x2c58cb1f0'],
  gasUsedRatio: [0.5819, 0.3586, 0.4658, 0.6399, 0.5508],
  baseFeePerBlobGas: ['0x1', '0x1', '0x1', '0x1', '0x1', '0x1'],
  blobGasUsedRatio: [0.5, 0.1666, 0, 0.3333, 0.6666],
  reward: [
    ['0x5f5e100', '0x3b9aca00', '0xb2d05e00'],
    ['0x1dcd6500', '0x3b9aca00', '0x77359400'],
    ['0x2faf080', '0x59682f00', '0x12a05f200'],
    ['0x5f5e100', '0x3b9aca00', '0x9502f900'],
    ['0x3b9aca0', '0x47868c00', '0xee6b2800'],
  ],
};
const NEXT_BASE = 11_904_266_736n; // 0x2c58cb1f0, the last baseFeePerGas entry

describe('presetsFromFeeHistory', () => {
  it('a mainnet answer: median tip per percentile, max fee = 2 × next base fee + tip, fast +20 %', () => {
    const r = presetsFromFeeHistory(MAINNET);
    expect(r?.baseFee).toBe(NEXT_BASE);
    // 10th percentile column sorted: 0.05, 0.0625, 0.1, 0.1, 0.5 gwei → 0.1 gwei
    expect(r?.presets.slow).toEqual({ maxPriorityFeePerGas: '100000000', maxFeePerGas: (2n * NEXT_BASE + 100_000_000n).toString() });
    // 50th: 1, 1, 1, 1.2, 1.5 gwei → 1 gwei
    expect(r?.presets.normal).toEqual({ maxPriorityFeePerGas: '1000000000', maxFeePerGas: (2n * NEXT_BASE + 1_000_000_000n).toString() });
    // 90th: 2, 2.5, 3, 4, 5 gwei → 3 gwei, +20 % = 3.6 gwei
    expect(r?.presets.fast).toEqual({ maxPriorityFeePerGas: '3600000000', maxFeePerGas: (2n * NEXT_BASE + 3_600_000_000n).toString() });
    expect(r?.presets.fast.maxFeePerGas).toBe('27408533472');
  });

  it('empty blocks (anvil, a quiet L2: every tip 0x0) still get the tip floor', () => {
    const quiet = { oldestBlock: '0x3', baseFeePerGas: ['0x3b9aca00', '0x34630b8a', '0x2dc6c0e9'], gasUsedRatio: [0, 0], reward: [['0x0', '0x0', '0x0'], ['0x0', '0x0', '0x0']] };
    const r = presetsFromFeeHistory(quiet);
    expect(r?.baseFee).toBe(0x2dc6c0e9n);
    for (const s of ['slow', 'normal', 'fast'] as const) {
      expect(r?.presets[s]).toEqual({ maxPriorityFeePerGas: TIP_FLOOR.toString(), maxFeePerGas: (2n * 0x2dc6c0e9n + TIP_FLOOR).toString() });
    }
  });

  it('a node that leaves out reward (no percentiles answered) gets the floor, not a crash', () => {
    const r = presetsFromFeeHistory({ oldestBlock: '0x1', baseFeePerGas: ['0x64', '0x64'], gasUsedRatio: [0.5] });
    expect(r?.presets.normal).toEqual({ maxPriorityFeePerGas: TIP_FLOOR.toString(), maxFeePerGas: (200n + TIP_FLOOR).toString() });
  });

  it('no base fee (pre-London chain: zeros) or garbage → null, so the caller asks eth_gasPrice', () => {
    expect(presetsFromFeeHistory({ oldestBlock: '0x1', baseFeePerGas: ['0x0', '0x0'], gasUsedRatio: [0.1], reward: [['0x1', '0x2', '0x3']] })).toBeNull();
    for (const g of [null, undefined, 'x', 42, [], {}, { baseFeePerGas: [] }, { baseFeePerGas: ['12'] }, { baseFeePerGas: ['0x' + 'f'.repeat(65)] }]) {
      expect(presetsFromFeeHistory(g)).toBeNull();
    }
  });

  it('garbage tips in an otherwise good answer are skipped, not read as zero', () => {
    const r = presetsFromFeeHistory({ ...MAINNET, reward: [['junk', '0x3b9aca00', null], ['0x5f5e100', 7, '0xb2d05e00']] });
    expect(r?.presets.slow.maxPriorityFeePerGas).toBe('100000000');
    expect(r?.presets.normal.maxPriorityFeePerGas).toBe('1000000000');
    expect(r?.presets.fast.maxPriorityFeePerGas).toBe('3600000000');
  });
});

describe('presetsFromGasPrice', () => {
  it('90 / 100 / 120 % of the node’s gas price', () => {
    expect(presetsFromGasPrice(1_000_000_000n)).toEqual({ slow: { gasPrice: '900000000' }, normal: { gasPrice: '1000000000' }, fast: { gasPrice: '1200000000' } });
  });
});
