// ethers v6 calling the GPoS module at its system address with the ABI from contracts/abi, as any dapp would.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JsonRpcProvider, Contract, Wallet, parseEther } from 'ethers';
import { startDevnet } from '../lib/devnet.js';

const STAKING_ADDRESS = '0x000000000000000000000000000000000000A120';
const DEVNET_KEEPER = '0x9499cd511632381535b0571C30bD1eD34cf26300';
const abi = JSON.parse(readFileSync(new URL('../../../contracts/abi/IStaking.json', import.meta.url), 'utf8'));

let devnet;
let provider;
let delegator;
let staking;

describe('GPoS staking through ethers v6', () => {
  before(async () => {
    devnet = await startDevnet();
    provider = new JsonRpcProvider(devnet.rpcUrl, undefined, { staticNetwork: true, pollingInterval: 100, cacheTimeout: -1 });
    delegator = new Wallet(devnet.devAccounts[2].privateKey, provider);
    staking = new Contract(STAKING_ADDRESS, abi, delegator);
  });

  after(async () => {
    provider?.destroy();
    await devnet?.stop();
  });

  test('delegate with msg.value to the devnet keeper, then read the delegation back with a view call', async () => {
    const before = await staking.getDelegation(delegator.address, DEVNET_KEEPER);

    const sent = await staking.delegate(DEVNET_KEEPER, { value: parseEther('25') });
    const receipt = await sent.wait();

    assert.equal(receipt.status, 1);
    const delegated = receipt.logs.map((log) => staking.interface.parseLog(log)).find((event) => event?.name === 'Delegated');
    assert.ok(delegated, 'the receipt carries a Delegated event');
    assert.equal(delegated.args[2], parseEther('25'));
    const [, amount] = await staking.getDelegation(delegator.address, DEVNET_KEEPER);
    assert.equal(amount - before[1], parseEther('25'));
  });

  test('a refused call surfaces the module\'s named error to ethers', async () => {
    const unknownKeeper = Wallet.createRandom().address;
    await assert.rejects(
      staking.delegate.staticCall(unknownKeeper, { value: parseEther('1') }),
      (error) => error.revert?.name === 'KeeperNotFound' && error.revert.args[0] === unknownKeeper,
    );
  });

  test('the keeper view agrees with aro_getKeeper', async () => {
    const keeper = await staking.getKeeper(DEVNET_KEEPER);
    const response = await provider.send('aro_getKeeper', [DEVNET_KEEPER]);

    assert.equal(keeper[0], true);
    assert.equal(keeper[7], BigInt(response.tokens));
    assert.equal(keeper[11], response.moniker);
  });
});
