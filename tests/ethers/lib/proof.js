// An independent Merkle Patricia proof verifier written against ethers' own keccak256 and RLP
// decoder, so eth_getProof is checked by code that shares nothing with the node.
import { keccak256, decodeRlp, getBytes, hexlify } from 'ethers';

function nibbles(hex) {
  const bytes = getBytes(hex);
  const out = [];
  for (const b of bytes) out.push(b >> 4, b & 15);
  return out;
}

function decodeHexPrefix(hex) {
  const n = nibbles(hex);
  const flag = n[0];
  const isLeaf = flag >= 2;
  const odd = flag % 2 === 1;
  return { path: n.slice(odd ? 1 : 2), isLeaf };
}

/** Returns the value stored under `key` (hex) in the trie with root `rootHash`, or null when the proof shows absence. Throws when the proof is inconsistent. */
export function verifyProof(rootHash, key, proof) {
  const path = nibbles(keccak256(key));
  let position = 0;
  let next = rootHash.toLowerCase();
  let index = 0;
  for (;;) {
    let node;
    if (typeof next === 'string') {
      if (index >= proof.length) throw new Error('proof ends before the path does');
      const raw = proof[index++];
      if (keccak256(raw) !== next) throw new Error(`proof node ${index - 1} does not hash to its reference ${next}`);
      node = decodeRlp(raw);
    } else {
      node = next; // a node under 32 bytes, embedded in its parent
    }
    if (node.length === 17) {
      if (position === path.length) return node[16] === '0x' ? null : node[16];
      const child = node[path[position++]];
      if (child === '0x') return null;
      next = child;
    } else if (node.length === 2) {
      const { path: segment, isLeaf } = decodeHexPrefix(node[0]);
      for (let i = 0; i < segment.length; i++) {
        if (path[position + i] !== segment[i]) return null;
      }
      position += segment.length;
      if (isLeaf) return position === path.length ? node[1] : null;
      next = node[1];
    } else {
      throw new Error(`proof node with ${node.length} items is neither a branch nor a leaf/extension`);
    }
    if (typeof next === 'string' && getBytes(next).length !== 32) {
      throw new Error(`child reference ${hexlify(next)} is neither a 32-byte hash nor an embedded node`);
    }
  }
}
