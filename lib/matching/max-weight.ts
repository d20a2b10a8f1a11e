// A general maximum-weight matching, apart from any one use of it: the Swiss pairing asks it for
// the best perfect matching of a round's players. It is pure and exact, and tested on its
// own against exhaustive search, because every pairing's correctness rests on it.

/**
 * A maximum-weight matching of a general graph (Edmonds' blossom algorithm with dual variables,
 * O(n³)); with `maxCardinality`, the heaviest among the matchings with the most pairs. Returns each
 * vertex's partner, or -1.
 *
 * Edges are [u, v, weight] with integer weights; duals then stay multiples of ½, exact in doubles.
 */
export function maxWeightMatching(
  n: number,
  edges: ReadonlyArray<readonly [number, number, number]>,
  maxCardinality = false,
): number[] {
  if (edges.length === 0 || n === 0) return new Array<number>(n).fill(-1);
  const edgeCount = edges.length;
  // Edge k has endpoints 2k (its first vertex) and 2k + 1 (its second); p ^ 1 is the other end.
  const endpoint: number[] = [];
  for (const [u, v] of edges) endpoint.push(u, v);
  const neighbourEnds: number[][] = Array.from({ length: n }, () => []);
  edges.forEach(([u, v], k) => {
    neighbourEnds[u].push(2 * k + 1);
    neighbourEnds[v].push(2 * k);
  });
  const maxWeight = edges.reduce((m, e) => Math.max(m, e[2]), 0);

  // mate[v]: the remote endpoint of v's matched edge. Blossoms are numbered n..2n-1.
  const mate = new Array<number>(n).fill(-1);
  // label: 0 free, 1 S (outer), 2 T (inner); labelEnd: the endpoint through which it was reached.
  const label = new Array<number>(2 * n).fill(0);
  const labelEnd = new Array<number>(2 * n).fill(-1);
  const inBlossom = Array.from({ length: n }, (_, v) => v);
  const blossomParent = new Array<number>(2 * n).fill(-1);
  const blossomChildren: (number[] | null)[] = new Array(2 * n).fill(null);
  const blossomBase = [...Array.from({ length: n }, (_, v) => v), ...new Array<number>(n).fill(-1)];
  // blossomEnds[b][i]: the endpoint linking child i to child i + 1 around the cycle.
  const blossomEnds: (number[] | null)[] = new Array(2 * n).fill(null);
  const bestEdge = new Array<number>(2 * n).fill(-1);
  const blossomBestEdges: (number[] | null)[] = new Array(2 * n).fill(null);
  const unusedBlossoms = Array.from({ length: n }, (_, i) => n + i);
  const dual = [...new Array<number>(n).fill(maxWeight), ...new Array<number>(n).fill(0)];
  const allowEdge = new Array<boolean>(edgeCount).fill(false);
  let queue: number[] = [];

  const slack = (k: number) => dual[endpoint[2 * k]] + dual[endpoint[2 * k + 1]] - 2 * edges[k][2];
  const at = <T>(list: T[], i: number): T => list[((i % list.length) + list.length) % list.length];

  function leaves(b: number): number[] {
    if (b < n) return [b];
    const out: number[] = [];
    for (const c of blossomChildren[b]!) out.push(...leaves(c));
    return out;
  }

  function assignLabel(w: number, t: 1 | 2, p: number): void {
    const b = inBlossom[w];
    label[w] = label[b] = t;
    labelEnd[w] = labelEnd[b] = p;
    bestEdge[w] = bestEdge[b] = -1;
    if (t === 1) queue.push(...leaves(b));
    else {
      const base = blossomBase[b];
      assignLabel(endpoint[mate[base]], 1, mate[base] ^ 1);
    }
  }

  // Walks up from v and w alternately; the first blossom both reach is the new blossom's base,
  // and reaching two different roots (-1) means an augmenting path.
  function scanBlossom(v0: number, w0: number): number {
    let [v, w] = [v0, w0];
    const path: number[] = [];
    let base = -1;
    while (v !== -1 || w !== -1) {
      let b = inBlossom[v];
      if (label[b] & 4) {
        base = blossomBase[b];
        break;
      }
      path.push(b);
      label[b] = 5;
      if (labelEnd[b] === -1) v = -1;
      else {
        v = endpoint[labelEnd[b]];
        b = inBlossom[v];
        v = endpoint[labelEnd[b]];
      }
      if (w !== -1) [v, w] = [w, v];
    }
    for (const b of path) label[b] = 1;
    return base;
  }

  function addBlossom(base: number, k: number): void {
    let [v, w] = [endpoint[2 * k], endpoint[2 * k + 1]];
    const bb = inBlossom[base];
    let bv = inBlossom[v];
    let bw = inBlossom[w];
    const b = unusedBlossoms.pop()!;
    blossomBase[b] = base;
    blossomParent[b] = -1;
    blossomParent[bb] = b;
    const path: number[] = [];
    const ends: number[] = [];
    while (bv !== bb) {
      blossomParent[bv] = b;
      path.push(bv);
      ends.push(labelEnd[bv]);
      v = endpoint[labelEnd[bv]];
      bv = inBlossom[v];
    }
    path.push(bb);
    path.reverse();
    ends.reverse();
    ends.push(2 * k);
    while (bw !== bb) {
      blossomParent[bw] = b;
      path.push(bw);
      ends.push(labelEnd[bw] ^ 1);
      w = endpoint[labelEnd[bw]];
      bw = inBlossom[w];
    }
    blossomChildren[b] = path;
    blossomEnds[b] = ends;
    label[b] = 1;
    labelEnd[b] = labelEnd[bb];
    dual[b] = 0;
    for (const leaf of leaves(b)) {
      if (label[inBlossom[leaf]] === 2) queue.push(leaf);
      inBlossom[leaf] = b;
    }
    // The new blossom's cheapest edge to each other S-blossom, from its children's lists.
    const bestTo = new Array<number>(2 * n).fill(-1);
    for (const child of path) {
      const lists = blossomBestEdges[child]
        ? [blossomBestEdges[child]!]
        : leaves(child).map((leaf) => neighbourEnds[leaf].map((p) => p >> 1));
      for (const list of lists) {
        for (const k2 of list) {
          let j = endpoint[2 * k2 + 1];
          if (inBlossom[j] === b) j = endpoint[2 * k2];
          const bj = inBlossom[j];
          if (bj !== b && label[bj] === 1 && (bestTo[bj] === -1 || slack(k2) < slack(bestTo[bj]))) bestTo[bj] = k2;
        }
      }
      blossomBestEdges[child] = null;
      bestEdge[child] = -1;
    }
    blossomBestEdges[b] = bestTo.filter((k2) => k2 !== -1);
    bestEdge[b] = -1;
    for (const k2 of blossomBestEdges[b]!) if (bestEdge[b] === -1 || slack(k2) < slack(bestEdge[b])) bestEdge[b] = k2;
  }

  function expandBlossom(b: number, endStage: boolean): void {
    const children = blossomChildren[b]!;
    const ends = blossomEnds[b]!;
    for (const s of children) {
      blossomParent[s] = -1;
      if (s < n) inBlossom[s] = s;
      else if (endStage && dual[s] === 0) expandBlossom(s, endStage);
      else for (const leaf of leaves(s)) inBlossom[leaf] = s;
    }
    if (!endStage && label[b] === 2) {
      // A T-blossom opened mid-stage: relabel the children on the even path from where the
      // alternating tree enters back to the base, so the tree stays alternating.
      const entryChild = inBlossom[endpoint[labelEnd[b] ^ 1]];
      let j = children.indexOf(entryChild);
      let step: number;
      let trick: number;
      if (j & 1) {
        j -= children.length;
        step = 1;
        trick = 0;
      } else {
        step = -1;
        trick = 1;
      }
      let p = labelEnd[b];
      while (j !== 0) {
        label[endpoint[p ^ 1]] = 0;
        label[endpoint[at(ends, j - trick) ^ trick ^ 1]] = 0;
        assignLabel(endpoint[p ^ 1], 2, p);
        allowEdge[at(ends, j - trick) >> 1] = true;
        j += step;
        p = at(ends, j - trick) ^ trick;
        allowEdge[p >> 1] = true;
        j += step;
      }
      let bv = at(children, j);
      label[endpoint[p ^ 1]] = label[bv] = 2;
      labelEnd[endpoint[p ^ 1]] = labelEnd[bv] = p;
      bestEdge[bv] = -1;
      j += step;
      while (at(children, j) !== entryChild) {
        bv = at(children, j);
        if (label[bv] === 1) {
          j += step;
          continue;
        }
        const bvLeaves = leaves(bv);
        let v = bvLeaves[bvLeaves.length - 1];
        for (const leaf of bvLeaves) {
          if (label[leaf] !== 0) {
            v = leaf;
            break;
          }
        }
        if (label[v] !== 0) {
          label[v] = 0;
          label[endpoint[mate[blossomBase[bv]]]] = 0;
          assignLabel(v, 2, labelEnd[v]);
        }
        j += step;
      }
    }
    label[b] = 0;
    labelEnd[b] = -1;
    blossomChildren[b] = null;
    blossomEnds[b] = null;
    blossomBase[b] = -1;
    blossomBestEdges[b] = null;
    bestEdge[b] = -1;
    unusedBlossoms.push(b);
  }

  // Flips the matching along the even path inside blossom b from vertex v to the base, making v the base.
  function augmentBlossom(b: number, v: number): void {
    let t = v;
    while (blossomParent[t] !== b) t = blossomParent[t];
    if (t >= n) augmentBlossom(t, v);
    const children = blossomChildren[b]!;
    const ends = blossomEnds[b]!;
    const i = children.indexOf(t);
    let j = i;
    let step: number;
    let trick: number;
    if (i & 1) {
      j -= children.length;
      step = 1;
      trick = 0;
    } else {
      step = -1;
      trick = 1;
    }
    while (j !== 0) {
      j += step;
      t = at(children, j);
      const p = at(ends, j - trick) ^ trick;
      if (t >= n) augmentBlossom(t, endpoint[p]);
      j += step;
      t = at(children, j);
      if (t >= n) augmentBlossom(t, endpoint[p ^ 1]);
      mate[endpoint[p]] = p ^ 1;
      mate[endpoint[p ^ 1]] = p;
    }
    blossomChildren[b] = [...children.slice(i), ...children.slice(0, i)];
    blossomEnds[b] = [...ends.slice(i), ...ends.slice(0, i)];
    blossomBase[b] = blossomBase[blossomChildren[b]![0]];
  }

  function augmentMatching(k: number): void {
    for (const [start, startEnd] of [
      [endpoint[2 * k], 2 * k + 1],
      [endpoint[2 * k + 1], 2 * k],
    ]) {
      let s = start;
      let p = startEnd;
      for (;;) {
        const bs = inBlossom[s];
        if (bs >= n) augmentBlossom(bs, s);
        mate[s] = p;
        if (labelEnd[bs] === -1) break;
        const t = endpoint[labelEnd[bs]];
        const bt = inBlossom[t];
        s = endpoint[labelEnd[bt]];
        const j = endpoint[labelEnd[bt] ^ 1];
        if (bt >= n) augmentBlossom(bt, j);
        mate[j] = labelEnd[bt];
        p = labelEnd[bt] ^ 1;
      }
    }
  }

  for (let stage = 0; stage < n; stage++) {
    label.fill(0);
    bestEdge.fill(-1);
    for (let b = n; b < 2 * n; b++) blossomBestEdges[b] = null;
    allowEdge.fill(false);
    queue = [];
    for (let v = 0; v < n; v++) if (mate[v] === -1 && label[inBlossom[v]] === 0) assignLabel(v, 1, -1);

    let augmented = false;
    for (;;) {
      while (queue.length > 0 && !augmented) {
        const v = queue.pop()!;
        for (const p of neighbourEnds[v]) {
          const k = p >> 1;
          const w = endpoint[p];
          if (inBlossom[v] === inBlossom[w]) continue;
          let kSlack = 0;
          if (!allowEdge[k]) {
            kSlack = slack(k);
            if (kSlack <= 0) allowEdge[k] = true;
          }
          if (allowEdge[k]) {
            if (label[inBlossom[w]] === 0) assignLabel(w, 2, p ^ 1);
            else if (label[inBlossom[w]] === 1) {
              const base = scanBlossom(v, w);
              if (base >= 0) addBlossom(base, k);
              else {
                augmentMatching(k);
                augmented = true;
                break;
              }
            } else if (label[w] === 0) {
              label[w] = 2;
              labelEnd[w] = p ^ 1;
            }
          } else if (label[inBlossom[w]] === 1) {
            const b = inBlossom[v];
            if (bestEdge[b] === -1 || kSlack < slack(bestEdge[b])) bestEdge[b] = k;
          } else if (label[w] === 0) {
            if (bestEdge[w] === -1 || kSlack < slack(bestEdge[w])) bestEdge[w] = k;
          }
        }
      }
      if (augmented) break;

      // No tight edge left to grow along: move the duals by the largest step that keeps them feasible.
      let deltaType = -1;
      let delta = 0;
      let deltaEdge = -1;
      let deltaBlossom = -1;
      if (!maxCardinality) {
        deltaType = 1;
        delta = Math.min(...dual.slice(0, n));
      }
      for (let v = 0; v < n; v++) {
        if (label[inBlossom[v]] === 0 && bestEdge[v] !== -1) {
          const d = slack(bestEdge[v]);
          if (deltaType === -1 || d < delta) {
            delta = d;
            deltaType = 2;
            deltaEdge = bestEdge[v];
          }
        }
      }
      for (let b = 0; b < 2 * n; b++) {
        if (blossomParent[b] === -1 && label[b] === 1 && bestEdge[b] !== -1) {
          const d = slack(bestEdge[b]) / 2;
          if (deltaType === -1 || d < delta) {
            delta = d;
            deltaType = 3;
            deltaEdge = bestEdge[b];
          }
        }
      }
      for (let b = n; b < 2 * n; b++) {
        if (blossomBase[b] >= 0 && blossomParent[b] === -1 && label[b] === 2 && (deltaType === -1 || dual[b] < delta)) {
          delta = dual[b];
          deltaType = 4;
          deltaBlossom = b;
        }
      }
      if (deltaType === -1) {
        // Nothing can grow: the matching already has the most pairs possible.
        deltaType = 1;
        delta = Math.max(0, Math.min(...dual.slice(0, n)));
      }

      for (let v = 0; v < n; v++) {
        if (label[inBlossom[v]] === 1) dual[v] -= delta;
        else if (label[inBlossom[v]] === 2) dual[v] += delta;
      }
      for (let b = n; b < 2 * n; b++) {
        if (blossomBase[b] >= 0 && blossomParent[b] === -1) {
          if (label[b] === 1) dual[b] += delta;
          else if (label[b] === 2) dual[b] -= delta;
        }
      }

      if (deltaType === 1) break;
      if (deltaType === 2) {
        allowEdge[deltaEdge] = true;
        let i = endpoint[2 * deltaEdge];
        if (label[inBlossom[i]] === 0) i = endpoint[2 * deltaEdge + 1];
        queue.push(i);
      } else if (deltaType === 3) {
        allowEdge[deltaEdge] = true;
        queue.push(endpoint[2 * deltaEdge]);
      } else expandBlossom(deltaBlossom, false);
    }
    if (!augmented) break;

    for (let b = n; b < 2 * n; b++) {
      if (blossomParent[b] === -1 && blossomBase[b] >= 0 && label[b] === 1 && dual[b] === 0) expandBlossom(b, true);
    }
  }

  return mate.map((p) => (p >= 0 ? endpoint[p] : -1));
}
