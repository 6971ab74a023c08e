// ethers v6, unchanged, against a real aro-node devnet process.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  JsonRpcProvider, WebSocketProvider, Wallet, Transaction, parseEther, parseUnits, decodeRlp, toBigInt, getBytes, ZeroHash,
} from 'ethers';
import { startDevnet } from '../lib/devnet.js';
import { verifyProof } from '../lib/proof.js';

const DEVNET_CHAIN_ID = 7771n;
const TRANSFER_GAS = 21000n;

let devnet;
let provider;
let funder;
let spender;

const quantity = (value) => (value === '0x' ? 0n : toBigInt(value));
const freshAddress = () => Wallet.createRandom().address;

async function rpc(method, params) {
  const response = await fetch(devnet.rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return response.json();
}

describe('aro-node devnet through ethers v6', () => {
  before(async () => {
    devnet = await startDevnet();
    // ethers caches identical requests for 250 ms by default; nonce reads right after a receipt must see the new head.
    provider = new JsonRpcProvider(devnet.rpcUrl, undefined, { staticNetwork: true, pollingInterval: 100, cacheTimeout: -1 });
    assert.ok(devnet.devAccounts.length >= 2, `devnet printed ${devnet.devAccounts.length} dev accounts:\n${devnet.output()}`);
    funder = new Wallet(devnet.devAccounts[0].privateKey, provider);
    spender = new Wallet(devnet.devAccounts[1].privateKey, provider);
  });

  after(async () => {
    provider?.destroy();
    await devnet?.stop();
  });

  test('prints dev keys whose addresses match the printed addresses', () => {
    for (const account of devnet.devAccounts) {
      assert.equal(new Wallet(account.privateKey).address.toLowerCase(), account.address.toLowerCase());
    }
    assert.match(devnet.output(), /DEVNET ONLY/);
  });

  test('reports the devnet chain id over eth_chainId and net_version', async () => {
    const network = await provider.getNetwork();
    assert.equal(network.chainId, DEVNET_CHAIN_ID);
    assert.equal(await provider.send('net_version', []), DEVNET_CHAIN_ID.toString());
  });

  test('a legacy transfer is mined and moves exactly value plus gas', async () => {
    const recipient = freshAddress();
    const before = await provider.getBalance(funder.address);
    const { gasPrice } = await provider.getFeeData();
    const sent = await funder.sendTransaction({ type: 0, to: recipient, value: parseEther('1.5'), gasPrice });
    const receipt = await sent.wait();

    assert.equal(receipt.status, 1);
    assert.equal(receipt.gasUsed, TRANSFER_GAS);
    assert.equal(receipt.gasPrice, gasPrice);
    assert.equal(await provider.getBalance(recipient), parseEther('1.5'));
    const after = await provider.getBalance(funder.address, receipt.blockNumber);
    assert.equal(before - after, parseEther('1.5') + receipt.gasUsed * receipt.gasPrice);
  });

  test('an EIP-1559 transfer pays base fee plus tip, never above its fee cap', async () => {
    const recipient = freshAddress();
    const fees = await provider.getFeeData();
    assert.ok(fees.maxFeePerGas >= fees.maxPriorityFeePerGas);
    const before = await provider.getBalance(spender.address);
    const sent = await spender.sendTransaction({
      type: 2, to: recipient, value: 12345n, maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
    });
    const receipt = await sent.wait();
    const block = await provider.getBlock(receipt.blockNumber);

    assert.equal(receipt.status, 1);
    assert.equal(receipt.type, 2);
    assert.equal(receipt.gasPrice, block.baseFeePerGas + fees.maxPriorityFeePerGas <= fees.maxFeePerGas
      ? block.baseFeePerGas + fees.maxPriorityFeePerGas : fees.maxFeePerGas);
    assert.equal(await provider.getBalance(recipient), 12345n);
    const after = await provider.getBalance(spender.address, receipt.blockNumber);
    assert.equal(before - after, 12345n + receipt.gasUsed * receipt.gasPrice);
  });

  test('transactions are found by hash with the fields they were signed with', async () => {
    const recipient = freshAddress();
    const sent = await funder.sendTransaction({ to: recipient, value: 7n });
    const receipt = await sent.wait();
    const found = await provider.getTransaction(sent.hash);

    assert.equal(found.hash, sent.hash);
    assert.equal(found.from, funder.address);
    assert.equal(found.to, recipient);
    assert.equal(found.value, 7n);
    assert.equal(found.nonce, sent.nonce);
    assert.equal(found.chainId, DEVNET_CHAIN_ID);
    assert.equal(found.blockHash, receipt.blockHash);
    assert.equal(found.blockNumber, receipt.blockNumber);
    assert.equal(found.index, receipt.index);
    assert.equal(Transaction.from(found).hash, sent.hash, 'the returned fields re-serialize to the same signed transaction');
    assert.equal(await provider.getTransaction('0x' + 'ab'.repeat(32)), null);
    assert.equal(await provider.getTransactionReceipt('0x' + 'ab'.repeat(32)), null);
  });

  test('blocks link to their parents and list their transactions', async () => {
    const sent = await funder.sendTransaction({ to: freshAddress(), value: 1n });
    const receipt = await sent.wait();
    const block = await provider.getBlock(receipt.blockNumber, true);
    const parent = await provider.getBlock(receipt.blockNumber - 1);
    const byHash = await provider.getBlock(receipt.blockHash);

    assert.equal(block.hash, receipt.blockHash);
    assert.equal(byHash.number, block.number);
    assert.equal(block.parentHash, parent.hash);
    assert.ok(block.timestamp > parent.timestamp);
    assert.ok(block.transactions.includes(sent.hash));
    assert.equal(block.prefetchedTransactions.find((t) => t.hash === sent.hash).from, funder.address);
    assert.ok(block.gasUsed >= TRANSFER_GAS && block.gasUsed <= block.gasLimit);
    assert.ok(block.baseFeePerGas > 0n);
    assert.equal((await provider.getBlock(0)).number, 0);
    assert.equal(await provider.getBlock(block.number + 1_000_000), null);
  });

  test('fee history has one more base fee than blocks and one reward per percentile', async () => {
    const history = await provider.send('eth_feeHistory', ['0x2', 'latest', [25, 75]]);
    assert.equal(history.baseFeePerGas.length, 3);
    assert.equal(history.gasUsedRatio.length, 2);
    assert.equal(history.reward.length, 2);
    for (const rewards of history.reward) assert.equal(rewards.length, 2);
    assert.ok(quantity(history.oldestBlock) >= 0n);
  });

  test('log queries answer over a block range, and transfers emit no logs', async () => {
    const receipt = await (await funder.sendTransaction({ to: freshAddress(), value: 1n })).wait();
    assert.deepEqual(receipt.logs, []);
    const logs = await provider.getLogs({ fromBlock: 0, toBlock: receipt.blockNumber });
    assert.ok(Array.isArray(logs));
    const filtered = await provider.getLogs({ fromBlock: 0, toBlock: 'latest', address: funder.address, topics: [ZeroHash] });
    assert.deepEqual(filtered, []);
  });

  test('eth_getProof verifies against the block state root with an independent verifier', async () => {
    const recipient = freshAddress();
    const receipt = await (await funder.sendTransaction({ to: recipient, value: 99n })).wait();
    const block = await provider.getBlock(receipt.blockNumber);
    const tag = '0x' + receipt.blockNumber.toString(16);

    for (const address of [funder.address, recipient]) {
      const proof = await provider.send('eth_getProof', [address, [], tag]);
      const account = verifyProof(block.stateRoot, address, proof.accountProof);
      assert.notEqual(account, null, `${address} is in the state`);
      const [nonce, balance, storageRoot, codeHash] = decodeRlp(account);
      assert.equal(quantity(nonce), quantity(proof.nonce));
      assert.equal(quantity(balance), quantity(proof.balance));
      assert.equal(storageRoot, proof.storageHash);
      assert.equal(codeHash, proof.codeHash);
      assert.equal(quantity(balance), await provider.getBalance(address, receipt.blockNumber));
    }
    assert.equal(quantity((await provider.send('eth_getProof', [recipient, [], tag])).balance), 99n);

    const absent = freshAddress();
    const proof = await provider.send('eth_getProof', [absent, [], tag]);
    assert.equal(verifyProof(block.stateRoot, absent, proof.accountProof), null);
    assert.equal(quantity(proof.balance), 0n);
  });

  test('a transaction signed for another chain is refused and changes nothing', async () => {
    const nonce = await provider.getTransactionCount(funder.address, 'pending');
    const fees = await provider.getFeeData();
    const foreign = await funder.signTransaction({
      type: 2, chainId: 1n, nonce, to: freshAddress(), value: 1n, gasLimit: TRANSFER_GAS,
      maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
    });
    await assert.rejects(provider.broadcastTransaction(foreign), /chain/i);
    assert.equal(await provider.getTransactionCount(funder.address, 'pending'), nonce);
  });

  test('a replayed nonce is refused with "nonce too low"', async () => {
    const sent = await funder.sendTransaction({ to: freshAddress(), value: 1n });
    await sent.wait();
    const replay = await funder.signTransaction({
      type: 2, chainId: DEVNET_CHAIN_ID, nonce: sent.nonce, to: freshAddress(), value: 2n, gasLimit: TRANSFER_GAS,
      maxFeePerGas: sent.maxFeePerGas, maxPriorityFeePerGas: sent.maxPriorityFeePerGas,
    });
    await assert.rejects(provider.broadcastTransaction(replay), /nonce too low/);
  });

  test('a sender without funds is refused with "insufficient funds"', async () => {
    const broke = Wallet.createRandom().connect(provider);
    const fees = await provider.getFeeData();
    const raw = await broke.signTransaction({
      type: 2, chainId: DEVNET_CHAIN_ID, nonce: 0, to: funder.address, value: 1n, gasLimit: TRANSFER_GAS,
      maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
    });
    await assert.rejects(provider.broadcastTransaction(raw), /insufficient funds/);
    assert.equal(await provider.getBalance(broke.address), 0n);
  });

  test('malformed raw transactions, invalid JSON and oversized requests get clear errors', async () => {
    const head = await provider.getBlockNumber();
    const malformed = await rpc('eth_sendRawTransaction', ['0xdeadbeef']);
    assert.ok(malformed.error, 'malformed raw tx is an error');
    assert.match(malformed.error.message, /./);

    const invalidJson = await (await fetch(devnet.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0",' })).json();
    assert.equal(invalidJson.error.code, -32700);

    const huge = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_sendRawTransaction', params: ['0x' + '00'.repeat(6 * 1024 * 1024)] });
    const oversized = await fetch(devnet.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
    assert.ok(oversized.status === 413 || (await oversized.json()).error, 'an oversized body is refused');

    assert.ok(await provider.getBlockNumber() >= head, 'the node is still serving');
  });

  test('batches answer every call by id', async () => {
    const response = await fetch(devnet.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] },
        { jsonrpc: '2.0', id: 2, method: 'eth_blockNumber', params: [] },
        { jsonrpc: '2.0', id: 3, method: 'no_suchMethod', params: [] },
      ]),
    });
    const answers = await response.json();
    const byId = new Map(answers.map((a) => [a.id, a]));
    assert.equal(quantity(byId.get(1).result), DEVNET_CHAIN_ID);
    assert.ok(quantity(byId.get(2).result) >= 0n);
    assert.equal(byId.get(3).error.code, -32601);
  });

  test('a WebSocket subscriber sees new heads', async () => {
    const ws = new WebSocketProvider(devnet.wsUrl, undefined, { staticNetwork: true });
    try {
      const seen = new Promise((resolve) => ws.once('block', resolve));
      await (await funder.sendTransaction({ to: freshAddress(), value: 1n })).wait();
      const number = await Promise.race([seen, new Promise((_, reject) => setTimeout(() => reject(new Error('no newHeads within 10 s')), 10_000))]);
      assert.ok(number >= 1);
      // once() unsubscribes without awaiting; the node answers a connection's requests in order, so
      // one more round trip settles that eth_unsubscribe before destroy() would cancel it.
      await ws.send('eth_chainId', []);
    } finally {
      await ws.destroy();
    }
  });
});
