// conform report: a trace drawn as a space-time diagram on one canvas. Time runs down, one lane
// per node. Only the rows in view are drawn, so a 100k-event trace pans and zooms smoothly.
// Every string from the trace reaches the page through textContent, never as HTML.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('trace-data').textContent);
  const header = data.header;
  const events = data.events;
  const N = events.length;
  const COLORS = {
    send: '#1565c0', deliver: '#2e7d32', drop: '#c62828', duplicate: '#ef6c00', timer: '#8e24aa',
    crash: '#000000', restart: '#616161', action: '#00838f', fault: '#6d4c41'
  };
  const PARTITIONS = new Set(['partition', 'isolate', 'bridge', 'ring', 'halves']);

  // ---- lanes: the header's servers, then its clients, then the network (faults of the whole cluster)
  const roleOf = new Map();
  Object.entries(header.roles || { server: header.nodes }).forEach(([r, ns]) => ns.forEach(n => roleOf.set(n, r)));
  const lanes = [];
  header.servers.forEach(n => lanes.push({ node: n, cls: 'server', role: roleOf.get(n) || 'server' }));
  header.clients.forEach(n => lanes.push({ node: n, cls: 'client', role: 'client' }));
  if (events.some(e => e.node === 0)) lanes.push({ node: 0, cls: 'network', role: 'faults' });
  const laneOf = new Map(lanes.map((l, k) => [l.node, k]));
  const laneOfEvent = Int32Array.from(events, e => laneOf.get(e.node));

  // ---- messages: each delivery or drop is matched to the latest send of its id
  const arrows = { from: [], to: [], drop: [] };
  const sendOf = new Map();
  const partners = new Map(); // event -> the events at the other end of its arrows
  const link = (a, b) => { (partners.get(a) || partners.set(a, []).get(a)).push(b); };
  events.forEach((e, i) => {
    if (e.kind === 'send') sendOf.set(e.msg.id, i);
    else if ((e.kind === 'deliver' || e.kind === 'drop') && sendOf.has(e.msg.id)) {
      const s = sendOf.get(e.msg.id);
      arrows.from.push(s); arrows.to.push(i); arrows.drop.push(e.kind === 'drop');
      link(s, i); link(i, s);
    }
  });
  const A = arrows.from.length;

  // ---- filters: nodes, message types, actions (timers and faults by kind and name)
  const actionKey = e => (e.kind === 'action' ? e.action : e.action ? e.kind + ' ' + e.action : null);
  const shown = { lanes: lanes.map(() => true), types: new Map(), actions: new Map() };
  events.forEach(e => {
    if (e.msg) shown.types.set(e.msg.type, true);
    const a = actionKey(e);
    if (a !== null) shown.actions.set(a, true);
  });
  const visible = i => {
    const e = events[i];
    return shown.lanes[laneOfEvent[i]] && (!e.msg || shown.types.get(e.msg.type))
      && (actionKey(e) === null || shown.actions.get(actionKey(e)));
  };

  // ---- layouts: an x per event (a logical time), then rows = the distinct x values in order
  function lamportTimes() {
    const t = new Float64Array(N), cur = new Float64Array(lanes.length), sent = new Map();
    let max = 0;
    for (let i = 0; i < N; i++) {
      const e = events[i], k = laneOfEvent[i];
      if (e.node === 0) { t[i] = max += 0.5; continue; } // a cluster fault: after everything before it
      let v = cur[k] + 1;
      if (e.kind === 'deliver' && sent.has(e.msg.id)) v = Math.max(v, sent.get(e.msg.id) + 1);
      if (e.kind === 'send') sent.set(e.msg.id, v);
      cur[k] = v; t[i] = v; if (v > max) max = v;
    }
    return t;
  }
  function causalPastTimes() { // the size of an event's causal past: the sum of its vector clock
    const L = lanes.length, vc = lanes.map(() => new Float64Array(L)), sent = new Map();
    const t = new Float64Array(N);
    let max = 0;
    for (let i = 0; i < N; i++) {
      const e = events[i], k = laneOfEvent[i], v = vc[k];
      if (e.node === 0) { t[i] = max += 0.5; continue; }
      if (e.kind === 'deliver' && sent.has(e.msg.id)) {
        const s = sent.get(e.msg.id);
        for (let j = 0; j < L; j++) if (s[j] > v[j]) v[j] = s[j];
      }
      v[k]++;
      if (e.kind === 'send') sent.set(e.msg.id, v.slice());
      let sum = 0;
      for (let j = 0; j < L; j++) sum += v[j];
      t[i] = sum; if (sum > max) max = sum;
    }
    return t;
  }
  let row, nRows, order, shades;
  function layout(kind) {
    const t = kind === 'vc' ? causalPastTimes() : lamportTimes();
    const distinct = Float64Array.from(new Set(t)).sort();
    nRows = distinct.length;
    row = new Int32Array(N);
    for (let i = 0; i < N; i++) row[i] = lowerBound(distinct, t[i]);
    order = Int32Array.from(events.keys()).sort((a, b) => row[a] - row[b] || laneOfEvent[a] - laneOfEvent[b]);
    shades = faultShades();
  }
  function lowerBound(arr, v) {
    let lo = 0, hi = arr.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if (arr[m] < v) lo = m + 1; else hi = m; }
    return lo;
  }

  // ---- faults: a crashed node's lane from crash to restart, partitions across all lanes until heal,
  // a skewed clock from its skew on
  function faultShades() {
    const out = [], down = new Map(), skewed = new Map();
    let cut = null;
    events.forEach((e, i) => {
      if (e.kind === 'crash') down.set(e.node, i);
      else if (e.kind === 'restart' && down.has(e.node)) {
        out.push({ lane: laneOfEvent[i], from: row[down.get(e.node)], to: row[i], kind: 'crash' });
        down.delete(e.node);
      } else if (e.kind === 'fault' && PARTITIONS.has(e.action)) {
        if (cut) out.push({ lane: -1, from: row[cut.i], to: row[i], kind: 'partition', label: cut.label });
        cut = { i, label: e.action };
      } else if (e.kind === 'fault' && e.action === 'heal' && cut) {
        out.push({ lane: -1, from: row[cut.i], to: row[i], kind: 'partition', label: cut.label });
        cut = null;
      } else if (e.kind === 'fault' && e.action === 'skew') {
        if (skewed.has(e.node)) out.push({ lane: laneOfEvent[i], from: row[skewed.get(e.node)], to: row[i], kind: 'skew' });
        skewed.set(e.node, i);
      }
    });
    skewed.forEach((i, node) => out.push({ lane: laneOf.get(node), from: row[i], to: nRows, kind: 'skew' }));
    down.forEach((i, node) => out.push({ lane: laneOf.get(node), from: row[i], to: nRows, kind: 'crash' }));
    if (cut) out.push({ lane: -1, from: row[cut.i], to: nRows, kind: 'partition', label: cut.label });
    return out;
  }

  // ---- validation: the diverging event and the events after which an invariant failed
  const marks = new Map(); // event index -> label
  let diverging = -1;
  const v = data.validation;
  const eventAtLine = line => (line >= 2 && line - 2 < N ? line - 2 : -1);
  if (v) {
    const d = v.tlc && v.tlc.divergence;
    if (d) { diverging = eventAtLine(d.line); if (diverging >= 0) marks.set(diverging, 'TLC: no spec action matches'); }
    if (v.tlc && v.tlc.violatedInvariant && v.tlc.violationAfterEvent > 0) {
      const i = Math.min(v.tlc.violationAfterEvent, N) - 1;
      marks.set(i, 'TLC: ' + v.tlc.violatedInvariant + ' violated');
      if (diverging < 0) diverging = i;
    }
    const f = v.java && v.java.failure;
    if (f) {
      const i = f.line ? eventAtLine(f.line) : Math.min(f.event, N) - 1;
      if (i >= 0) { marks.set(i, 'Java: ' + (f.invariant || 'impossible event')); if (diverging < 0) diverging = i; }
    }
  }

  // ---- view: vertical scroll and zoom (row height); lanes share the width
  const canvas = document.getElementById('canvas');
  const ctx = canvas.getContext('2d');
  const TOP = 14;
  let rowH = 22, scrollY = 0, selected = -1, frame = 0;
  const stats = { events: 0, arrows: 0 };
  let laneX = [];
  const rowY = r => TOP + r * rowH - scrollY;
  const height = () => canvas.clientHeight;
  function clampScroll() {
    const maxScroll = Math.max(0, TOP * 2 + nRows * rowH - height());
    scrollY = Math.min(Math.max(0, scrollY), maxScroll);
  }
  function placeLanes() {
    const shownLanes = lanes.map((l, k) => k).filter(k => shown.lanes[k]);
    const w = canvas.clientWidth / Math.max(1, shownLanes.length);
    laneX = lanes.map(() => NaN);
    shownLanes.forEach((k, j) => { laneX[k] = (j + 0.5) * w; });
    const box = document.getElementById('lanes');
    box.replaceChildren(...shownLanes.map(k => {
      const l = lanes[k];
      const div = el('div', { class: 'lane ' + l.cls, 'data-node': l.node },
        l.node === 0 ? 'network' : 'node ' + l.node, el('small', {}, l.role));
      div.style.left = laneX[k] + 'px';
      return div;
    }));
  }
  function redraw() { if (!frame) frame = requestAnimationFrame(draw); }

  function draw() {
    frame = 0;
    const dpr = window.devicePixelRatio || 1, W = canvas.clientWidth, H = height();
    if (canvas.width !== Math.round(W * dpr) || canvas.height !== Math.round(H * dpr)) {
      canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    clampScroll();
    const r0 = Math.max(0, Math.floor((scrollY - TOP) / rowH) - 1);
    const r1 = Math.ceil((scrollY - TOP + H) / rowH) + 1;
    const laneW = W / Math.max(1, shown.lanes.filter(Boolean).length);
    // lanes and fault shading
    lanes.forEach((l, k) => {
      if (!shown.lanes[k]) return;
      ctx.fillStyle = l.cls === 'client' ? '#f6fbf3' : l.cls === 'network' ? '#f7f7f7' : '#f5f8fd';
      ctx.fillRect(laneX[k] - laneW / 2 + 1, 0, laneW - 2, H);
      ctx.strokeStyle = '#b0b8c4'; ctx.lineWidth = 1;
      ctx.beginPath(); ctx.moveTo(laneX[k], 0); ctx.lineTo(laneX[k], H); ctx.stroke();
    });
    shades.forEach(s => {
      if (s.to < r0 || s.from > r1 || (s.lane >= 0 && !shown.lanes[s.lane])) return;
      const y0 = rowY(s.from), y1 = rowY(s.to);
      if (s.kind === 'partition') {
        ctx.fillStyle = 'rgba(255,152,0,0.10)'; ctx.fillRect(0, y0, W, y1 - y0);
        ctx.fillStyle = '#e65100'; ctx.font = '11px sans-serif'; ctx.fillText('partition: ' + s.label, 4, Math.max(y0, 0) + 12);
      } else if (s.kind === 'crash') {
        ctx.fillStyle = 'rgba(0,0,0,0.18)'; ctx.fillRect(laneX[s.lane] - laneW / 2 + 1, y0, laneW - 2, y1 - y0);
      } else {
        ctx.fillStyle = 'rgba(142,36,170,0.35)'; ctx.fillRect(laneX[s.lane] + 3, y0, 4, y1 - y0);
      }
    });
    // diagnosis bands
    marks.forEach((label, i) => {
      if (row[i] < r0 || row[i] > r1 || !shown.lanes[laneOfEvent[i]]) return;
      ctx.fillStyle = 'rgba(198,40,40,0.15)'; ctx.fillRect(0, rowY(row[i]) - rowH / 2, W, Math.max(rowH, 6));
    });
    // arrows: every one that crosses the rows in view
    stats.arrows = 0;
    ctx.lineWidth = 1;
    for (let a = 0; a < A; a++) {
      const s = arrows.from[a], d = arrows.to[a];
      const lo = Math.min(row[s], row[d]), hi = Math.max(row[s], row[d]);
      if (hi < r0 || lo > r1 || !visible(s) || !visible(d)) continue;
      drawArrow(laneX[laneOfEvent[s]], rowY(row[s]), laneX[laneOfEvent[d]], rowY(row[d]), arrows.drop[a]);
      stats.arrows++;
    }
    // events: binary search for the first row in view
    stats.events = 0;
    const rad = Math.max(1.5, Math.min(5, rowH / 3));
    ctx.font = '11px sans-serif';
    for (let p = lowerBoundRow(r0); p < N && row[order[p]] <= r1; p++) {
      const i = order[p];
      if (!visible(i)) continue;
      drawEvent(i, laneX[laneOfEvent[i]], rowY(row[i]), rad);
      stats.events++;
    }
    window.conformReport.drawn = { events: stats.events, arrows: stats.arrows, frames: ++drawCount };
  }
  let drawCount = 0;
  function lowerBoundRow(r) {
    let lo = 0, hi = N;
    while (lo < hi) { const m = (lo + hi) >> 1; if (row[order[m]] < r) lo = m + 1; else hi = m; }
    return lo;
  }
  function drawArrow(x0, y0, x1, y1, drop) {
    ctx.strokeStyle = drop ? '#c62828' : 'rgba(55,71,79,0.55)';
    ctx.setLineDash(drop ? [4, 3] : []);
    ctx.beginPath(); ctx.moveTo(x0, y0); ctx.lineTo(x1, y1); ctx.stroke();
    ctx.setLineDash([]);
    const ang = Math.atan2(y1 - y0, x1 - x0), h = Math.min(7, rowH / 2 + 2);
    ctx.fillStyle = ctx.strokeStyle;
    ctx.beginPath(); ctx.moveTo(x1, y1);
    ctx.lineTo(x1 - h * Math.cos(ang - 0.4), y1 - h * Math.sin(ang - 0.4));
    ctx.lineTo(x1 - h * Math.cos(ang + 0.4), y1 - h * Math.sin(ang + 0.4));
    ctx.fill();
  }
  function drawEvent(i, x, y, rad) {
    const e = events[i];
    ctx.fillStyle = COLORS[e.kind] || '#333';
    ctx.strokeStyle = COLORS[e.kind] || '#333';
    if (e.kind === 'drop') {
      ctx.lineWidth = 2; ctx.beginPath();
      ctx.moveTo(x - rad, y - rad); ctx.lineTo(x + rad, y + rad); ctx.moveTo(x + rad, y - rad); ctx.lineTo(x - rad, y + rad);
      ctx.stroke(); ctx.lineWidth = 1;
    } else if (e.kind === 'crash' || e.kind === 'restart') {
      (e.kind === 'crash' ? ctx.fillRect : ctx.strokeRect).call(ctx, x - rad, y - rad, 2 * rad, 2 * rad);
    } else {
      ctx.beginPath(); ctx.arc(x, y, rad, 0, 2 * Math.PI); ctx.fill();
      if (e.kind === 'duplicate') { ctx.beginPath(); ctx.arc(x, y, rad + 3, 0, 2 * Math.PI); ctx.stroke(); }
    }
    if (rowH >= 13) {
      const text = e.kind === 'action' || e.kind === 'timer' || e.kind === 'fault' ? e.action
        : e.msg ? e.kind + ' ' + e.msg.type : e.kind;
      ctx.fillStyle = '#333'; ctx.fillText(text, x + rad + 4, y + 4);
    }
    if (marks.has(i)) ring(x, y, rad + 6, '#c62828', 3);
    if (i === selected) ring(x, y, rad + 3, '#1e88e5', 2);
  }
  function ring(x, y, r, color, w) {
    ctx.strokeStyle = color; ctx.lineWidth = w;
    ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI); ctx.stroke(); ctx.lineWidth = 1;
  }

  // ---- interaction: wheel scrolls, ctrl+wheel zooms around the pointer, drag pans, click selects
  function zoomAt(factor, y) {
    const r = (scrollY + y - TOP) / rowH;
    rowH = Math.min(60, Math.max(0.01, rowH * factor));
    scrollY = r * rowH + TOP - y;
    redraw();
  }
  canvas.addEventListener('wheel', ev => {
    ev.preventDefault();
    if (ev.ctrlKey) zoomAt(Math.exp(-ev.deltaY / 300), ev.offsetY);
    else { scrollY += ev.deltaY; redraw(); }
  }, { passive: false });
  let drag = null;
  canvas.addEventListener('mousedown', ev => { drag = { y: ev.clientY, s: scrollY, moved: false }; });
  window.addEventListener('mousemove', ev => {
    if (!drag) return;
    if (Math.abs(ev.clientY - drag.y) > 3) { drag.moved = true; canvas.classList.add('dragging'); }
    if (drag.moved) { scrollY = drag.s - (ev.clientY - drag.y); redraw(); }
  });
  window.addEventListener('mouseup', () => { canvas.classList.remove('dragging'); setTimeout(() => { drag = null; }, 0); });
  canvas.addEventListener('click', ev => {
    if (drag && drag.moved) return;
    const i = eventAt(ev.offsetX, ev.offsetY);
    if (i >= 0) select(i);
  });
  function eventAt(x, y) {
    let best = -1, bestD = 12 * 12;
    const r0 = Math.floor((scrollY + y - 12 - TOP) / rowH), r1 = Math.ceil((scrollY + y + 12 - TOP) / rowH);
    for (let p = lowerBoundRow(r0); p < N && row[order[p]] <= r1; p++) {
      const i = order[p];
      if (!visible(i)) continue;
      const dx = laneX[laneOfEvent[i]] - x, dy = rowY(row[i]) - y, d = dx * dx + dy * dy;
      if (d < bestD) { bestD = d; best = i; }
    }
    return best;
  }
  document.getElementById('zoom-in').onclick = () => zoomAt(1.5, height() / 2);
  document.getElementById('zoom-out').onclick = () => zoomAt(1 / 1.5, height() / 2);
  document.getElementById('fit').onclick = fit;
  function fit() { rowH = Math.max(0.01, (height() - 2 * TOP) / Math.max(1, nRows)); scrollY = 0; redraw(); }
  function center(i) { scrollY = TOP + row[i] * rowH - height() / 2; clampScroll(); redraw(); }
  document.getElementById('layout').onchange = ev => {
    layout(ev.target.value);
    if (selected >= 0) center(selected); else redraw();
  };
  window.addEventListener('resize', () => { placeLanes(); redraw(); });

  // ---- side panel: the selected event, its message and recorded state
  function el(tag, attrs, ...children) {
    const n = document.createElement(tag);
    Object.entries(attrs).forEach(([k, val]) => n.setAttribute(k, val));
    children.forEach(c => n.append(c));
    return n;
  }
  const pretty = value => el('pre', {}, JSON.stringify(value, null, 2));
  function goto(i, text) {
    const b = el('button', { 'data-event': i }, text);
    b.onclick = () => { select(i); center(i); };
    return b;
  }
  function select(i) {
    selected = i;
    const e = events[i];
    const box = document.getElementById('detail');
    const parts = [el('h2', {}, 'event ' + (i + 1) + ' of ' + N + ' (line ' + e.line + ')')];
    parts.push(el('p', { id: 'detail-what' }, e.kind + (e.action ? ' ' + e.action : '') + ' on '
      + (e.node === 0 ? 'the network' : 'node ' + e.node) + (e.seq !== undefined ? ', seq ' + e.seq : '')));
    if (marks.has(i)) parts.push(el('p', { class: 'mark' }, marks.get(i)));
    if (e.msg) {
      parts.push(el('h2', {}, 'message ' + e.msg.id + ': ' + e.msg.type + ' ' + e.msg.from + ' \u2192 ' + e.msg.to));
      (partners.get(i) || []).forEach(j => parts.push(goto(j, events[j].kind + ' on node ' + events[j].node)));
      if (e.msg.body !== undefined) parts.push(pretty(e.msg.body));
    }
    if (e.state !== undefined) parts.push(el('h2', {}, 'state'), el('div', { id: 'detail-state' }, pretty(e.state)));
    const clocks = {};
    if (e.lamport !== undefined) clocks.lamport = e.lamport;
    if (e.vc !== undefined) clocks.vc = e.vc;
    if (Object.keys(clocks).length) parts.push(el('h2', {}, 'clocks'), pretty(clocks));
    box.replaceChildren(...parts);
    redraw();
  }
  function showDiagnosis() {
    if (!v) return;
    const box = document.getElementById('diagnosis');
    const parts = [el('h2', {}, 'validation: ' + v.status.replace('_', ' '))];
    const d = v.tlc && v.tlc.divergence;
    if (d) {
      parts.push(el('p', {}, 'TLC matched the trace up to line ' + d.line + ': no spec action takes this event.'));
      if (diverging >= 0) parts.push(goto(diverging, 'show the diverging event'));
      if (d.note) parts.push(el('p', {}, d.note));
      if (d.lastMatchedState) parts.push(el('h2', {}, 'last matched state'), el('pre', { id: 'last-state' }, d.lastMatchedState));
      const rows = (d.actions || []).map(a => el('tr', {}, el('td', {}, a.action),
        el('td', { class: a.enabled ? 'ok' : '' }, a.enabled ? 'enabled' : 'conjunct ' + a.failedConjunct + ' of ' + a.conjuncts),
        el('td', {}, a.enabled ? '' : a.conjunct || '')));
      if (rows.length) parts.push(el('h2', {}, 'candidate actions: first false conjunct'),
        el('table', { id: 'conjuncts' }, el('tr', {}, el('th', {}, 'action'), el('th', {}, ''), el('th', {}, 'false conjunct')), ...rows));
    }
    if (v.tlc && v.tlc.violatedInvariant) parts.push(el('p', {}, 'TLC: invariant ' + v.tlc.violatedInvariant + ' violated after event ' + v.tlc.violationAfterEvent));
    if (v.tlc && !d && !v.tlc.violatedInvariant && v.tlc.message) parts.push(el('p', {}, 'TLC: ' + v.tlc.message));
    const f = v.java && v.java.failure;
    if (f) parts.push(el('p', {}, 'Java: ' + (f.invariant ? f.invariant + ' violated' : 'impossible event') + ' at event ' + f.event + ': ' + f.message));
    if (v.badInput) parts.push(el('p', {}, v.badInput));
    box.replaceChildren(...parts);
    box.hidden = false;
  }

  // ---- filter panel
  function checkboxes(boxId, entries, onChange) {
    document.getElementById(boxId).replaceChildren(...entries.map(([key, label]) => {
      const input = el('input', { type: 'checkbox', 'data-key': key });
      input.checked = true;
      input.onchange = () => { onChange(key, input.checked); redraw(); };
      return el('label', {}, input, ' ' + label);
    }));
  }
  checkboxes('filter-nodes', lanes.map((l, k) => [k, (l.node === 0 ? 'network' : 'node ' + l.node) + ' (' + l.role + ')']),
    (k, on) => { shown.lanes[k] = on; placeLanes(); });
  checkboxes('filter-types', [...shown.types.keys()].sort().map(t => [t, t]), (t, on) => shown.types.set(t, on));
  checkboxes('filter-actions', [...shown.actions.keys()].sort().map(a => [a, a]), (a, on) => shown.actions.set(a, on));
  document.getElementById('legend').replaceChildren(...Object.entries(COLORS).map(([k, c]) => {
    const dot = el('span', {}); dot.style.background = c;
    return el('div', {}, dot, k);
  }));

  // ---- start
  document.title = data.trace + ' \u2014 conform report';
  document.getElementById('title').textContent = data.trace;
  document.getElementById('summary').textContent = header.algorithm + ', ' + N + ' events, '
    + (lanes.length - (laneOf.has(0) ? 1 : 0)) + ' nodes, ' + A + ' messages delivered or dropped'
    + (header.seed !== null && header.seed !== undefined ? ', seed ' + header.seed : '');
  window.conformReport = {
    events: N, lanes: lanes.map(l => l.node), arrows: A, diverging, marks: [...marks.keys()],
    drawn: { events: 0, arrows: 0, frames: 0 },
    selected: () => selected,
    select: i => { select(i); center(i); },
    fit,
    // where event i is drawn, in CSS pixels relative to the canvas (null when its lane is hidden)
    position: i => (shown.lanes[laneOfEvent[i]] ? { x: laneX[laneOfEvent[i]], y: rowY(row[i]) } : null),
    inView: i => { const y = rowY(row[i]); return y >= 0 && y <= height(); }
  };
  layout('lamport');
  placeLanes();
  showDiagnosis();
  if (diverging >= 0) { select(diverging); center(diverging); }
  draw();
  window.conformReport.firstRenderMs = Math.round(performance.now());
})();
