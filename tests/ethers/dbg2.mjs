import { JsonRpcProvider, Wallet } from 'ethers';
import { startDevnet } from './lib/devnet.js';
const devnet = await startDevnet();
const provider = new JsonRpcProvider(devnet.rpcUrl, undefined, { staticNetwork: true, pollingInterval: 100 });
const funder = new Wallet(devnet.devAccounts[0].privateKey, provider);
let last = [];
provider.on('debug', (e) => { last.push(JSON.stringify(e).slice(0, 300)); if (last.length > 30) last.shift(); });
const t = setTimeout(async () => { console.log('HUNG; last debug events:\n' + last.join('\n')); console.log('NODE OUTPUT tail:\n' + devnet.output().slice(-3000)); await devnet.stop(); process.exit(1); }, 20000);
for (let i = 0; i < 30; i++) {
  const sent = await funder.sendTransaction({ to: Wallet.createRandom().address, value: 1n, type: i % 2 ? 0 : 2 });
  const receipt = await sent.wait();
  console.log(i, 'nonce', sent.nonce, 'block', receipt.blockNumber);
}
clearTimeout(t);
provider.destroy(); await devnet.stop();
