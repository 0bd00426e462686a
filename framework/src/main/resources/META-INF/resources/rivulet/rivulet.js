'use strict';
// The Rivulet web UI: the job graph from /rivulet/api/job, live figures from /rivulet/api/tasks (every second),
// the group from /rivulet/api/group and savepoints from /rivulet/savepoints. Paths are relative, so the page works
// under any HTTP root path.

const REFRESH_MS = 1000;
const SLOW_REFRESH_EVERY = 3;
const HISTORY_POINTS = 120;
const LAYER_WIDTH = 280;
const ROW_HEIGHT = 100;
const NODE_WIDTH = 168;
const WRAP_AT = 12;

const rivulet = { job: null, tasks: null, history: [], graph: null, throughput: null, ticks: 0 };
window.rivulet = rivulet;

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error || `${path}: ${response.status} ${response.statusText}`);
  }
  return body;
}

function cell(text, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  if (text instanceof Node) td.appendChild(text); else td.textContent = text;
  return td;
}

function none(text) {
  const span = document.createElement('span');
  span.className = 'none';
  span.textContent = text;
  return span;
}

function fill(tbody, rows) {
  tbody.replaceChildren(...rows);
}

function time(iso) {
  return iso.replace('T', ' ').replace('Z', ' UTC');
}

function number(n) {
  return n === undefined || n === null ? '' : Number(n).toLocaleString('en-US');
}

function bytes(n) {
  if (n === undefined) return none('stateless');
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

function watermarkText(task) {
  if (!task.watermark) return none('no watermark yet');
  return `${time(task.watermark)} (${(task['watermark-lag-ms'] / 1000).toFixed(1)} s behind)`;
}

function subTopologyOf(taskId) {
  return Number(taskId.split('_')[0]);
}

/**
 * Places the operators in layers (a layer is the longest path from a source) and orders each layer by the mean
 * position of its inputs, so edges run left to right and seldom cross; ECharts draws the result.
 */
function layout(job) {
  const inputs = new Map(job.operators.map(op => [op.id, []]));
  job.edges.forEach(edge => inputs.get(edge.to).push(edge.from));
  const layer = new Map();
  const layerOf = id => {
    if (!layer.has(id)) {
      layer.set(id, 0);
      layer.set(id, inputs.get(id).reduce((deepest, from) => Math.max(deepest, layerOf(from) + 1), 0));
    }
    return layer.get(id);
  };
  job.operators.forEach(op => layerOf(op.id));
  const layers = [];
  job.operators.forEach(op => (layers[layer.get(op.id)] ||= []).push(op.id));
  const row = new Map();
  layers.forEach(ids => {
    const mean = id => {
      const placed = inputs.get(id).filter(from => row.has(from));
      return placed.length ? placed.reduce((sum, from) => sum + row.get(from), 0) / placed.length : 0;
    };
    ids.sort((a, b) => mean(a) - mean(b));
    ids.forEach((id, index) => row.set(id, index - (ids.length - 1) / 2));
  });
  return {
    layers: layers.length,
    rows: Math.max(...layers.map(ids => ids.length)),
    position: id => [layer.get(id) * LAYER_WIDTH, -row.get(id) * ROW_HEIGHT],
  };
}

/** Breaks a topic name after dashes into short lines, so that it fits between two operators. */
function wrap(topic) {
  const lines = [''];
  topic.split(/(?<=-)/).forEach(part => {
    if (lines[lines.length - 1].length + part.length > WRAP_AT && lines[lines.length - 1]) lines.push('');
    lines[lines.length - 1] += part;
  });
  return lines.join('\n');
}

const KIND_COLORS = {
  source: '#2e7dd7', sink: '#1a7f37', 'key-by': '#8250df', window: '#b35900', 'keyed-process': '#bf3989',
};

function operatorFigures(op, tasks, late) {
  const subs = op['sub-topologies'];
  // A keyBy belongs to the sub-topology that writes its repartition topic and to the one that reads it: show the
  // reading side, whose tasks run the operators after it.
  const sub = subs[subs.length - 1];
  // A standby or warm-up replica holds a task's state but runs none of its operators.
  const mine = tasks.filter(task => subTopologyOf(task.id) === sub && task.state !== 'STANDBY' && task.state !== 'WARMUP');
  const rate = mine.reduce((sum, task) => sum + task['records-per-second'], 0);
  let watermark = null;
  if (mine.length && mine.every(task => task.watermark)) {
    watermark = mine.map(task => task.watermark).sort()[0];
  }
  return { tasks: mine.length, rate, watermark, late: op.uid ? (late[op.uid] || 0) : undefined };
}

function drawGraph() {
  const job = rivulet.job;
  const tasks = rivulet.tasks ? rivulet.tasks.tasks : [];
  const late = rivulet.tasks ? rivulet.tasks['late-records'] : {};
  const placed = layout(job);
  const height = Math.max(220, placed.rows * ROW_HEIGHT + 40);
  const container = document.getElementById('graph');
  // A long job scrolls sideways rather than squeezing its operators together.
  const width = `${Math.max(container.parentElement.clientWidth - 30, placed.layers * (NODE_WIDTH + 70))}px`;
  if (container.style.height !== `${height}px` || container.style.width !== width) {
    container.style.height = `${height}px`;
    container.style.width = width;
    rivulet.graph.resize();
  }
  const nodes = job.operators.map(op => {
    const figures = operatorFigures(op, tasks, late);
    const [x, y] = placed.position(op.id);
    const wm = figures.watermark ? time(figures.watermark).slice(11, 23) : 'no watermark yet';
    return {
      name: op.name,
      value: [x, y],
      itemStyle: { color: KIND_COLORS[op.kind] || '#57606a' },
      label: { formatter: `{name|${op.name}}\n{kind|${op.kind}}\n{figures|${figures.rate.toFixed(0)} rec/s · ${wm}}` },
      tooltip: {
        formatter: [
          `<b>${op.name}</b> (${op.kind})`,
          op.uid ? `uid: ${op.uid}` : 'no uid',
          `sub-topologies: ${op['sub-topologies'].join(', ')}`,
          op.topic ? `topic: ${op.topic}` : null,
          op.changelog ? `changelog: ${op.changelog}` : null,
          `tasks here: ${figures.tasks}, ${figures.rate.toFixed(1)} input records/s`,
          `watermark: ${figures.watermark ? time(figures.watermark) : 'no watermark yet'}`,
          figures.late !== undefined ? `late records: ${figures.late}` : null,
        ].filter(line => line !== null).join('<br>'),
      },
    };
  });
  // Links name their ends by index: operator names need not be unique.
  const index = new Map(job.operators.map((op, i) => [op.id, i]));
  const links = job.edges.map(edge => ({
    source: index.get(edge.from),
    target: index.get(edge.to),
    label: edge['repartition-topic']
      ? { show: true, formatter: wrap(edge['repartition-topic']), color: '#8250df', lineHeight: 12 }
      : { show: false },
    lineStyle: edge['repartition-topic'] ? { type: 'dashed', color: '#8250df', width: 2 } : {},
  }));
  // A cartesian system with fixed bounds keeps the nodes at their pixel size, whatever the graph's shape.
  const xBound = LAYER_WIDTH / 2;
  const yBound = (placed.rows / 2) * ROW_HEIGHT;
  rivulet.graph.setOption({
    // Redrawn every second with new figures: an animation would replay each time.
    animation: false,
    tooltip: { confine: true },
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'value', show: false, min: -xBound, max: (placed.layers - 1) * LAYER_WIDTH + xBound },
    yAxis: { type: 'value', show: false, min: -yBound, max: yBound },
    series: [{
      type: 'graph',
      coordinateSystem: 'cartesian2d',
      symbol: 'roundRect',
      symbolSize: [NODE_WIDTH, 62],
      edgeSymbol: ['none', 'arrow'],
      edgeSymbolSize: [4, 11],
      label: {
        show: true,
        color: '#fff',
        rich: {
          name: { fontSize: 13, fontWeight: 'bold', color: '#fff', lineHeight: 18 },
          kind: { fontSize: 11, color: '#e6edf5', lineHeight: 15 },
          figures: { fontSize: 11, color: '#fff', lineHeight: 15 },
        },
      },
      edgeLabel: { fontSize: 10 },
      lineStyle: { color: '#8a94a3', width: 1.5, curveness: 0 },
      data: nodes,
      links,
    }],
  }, { replaceMerge: ['series'] });
  document.getElementById('graph').dataset.nodes = String(nodes.length);
}

function drawOperators() {
  const tasks = rivulet.tasks ? rivulet.tasks.tasks : [];
  const late = rivulet.tasks ? rivulet.tasks['late-records'] : {};
  fill(document.querySelector('#operators tbody'), rivulet.job.operators.map(op => {
    const figures = operatorFigures(op, tasks, late);
    const tr = document.createElement('tr');
    tr.dataset.operator = String(op.id);
    tr.append(
      cell(op.name), cell(op.kind), cell(op.uid || none('none')), cell(op['sub-topologies'].join(', ')),
      cell(String(figures.tasks), 'number'), cell(figures.rate.toFixed(1), 'number records-per-second'),
      cell(figures.watermark ? time(figures.watermark) : none('no watermark yet')),
      cell(figures.late === undefined ? '' : number(figures.late), 'number'),
      cell([op.topic, op.changelog].filter(Boolean).join(' · ')));
    return tr;
  }));
}

function drawTasks() {
  const view = rivulet.tasks;
  const threads = view.threads.map(t => `${t.name}: ${t.state}`).join(' · ');
  const stopped = view['stopped-at-savepoint'] ? ` · stopped at savepoint ${view['stopped-at-savepoint']}` : '';
  document.getElementById('summary').textContent =
    `instance ${view.instance} · ${view.tasks.length} task(s) · ${threads}${stopped} · as of ${time(view.time)}`;
  fill(document.querySelector('#tasks tbody'), view.tasks.map(task => {
    const tr = document.createElement('tr');
    tr.dataset.task = task.id;
    let restore = none('restored');
    if (task.restore) {
      const done = task.restore.restored + task.restore.remaining;
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.innerHTML = `<span style="width:${done ? (100 * task.restore.restored / done).toFixed(0) : 100}%"></span>`;
      restore = document.createElement('span');
      restore.append(bar, ` ${number(task.restore.restored)} / ${number(done)} (${number(task.restore['records-per-second'])}/s)`);
    }
    tr.append(
      cell(task.id), cell(task.thread), cell(task.state, `state-${task.state}`), cell(task.input),
      cell(watermarkText(task), 'watermark'), cell(task.lag === undefined ? none('unknown') : number(task.lag), 'number lag'),
      cell(restore), cell(number(task['records-consumed']), 'number records-consumed'),
      cell(task['records-per-second'].toFixed(1), 'number records-per-second'), cell(bytes(task['state-size-bytes']), 'number'));
    return tr;
  }));
  fill(document.querySelector('#commits tbody'), view.commits.slice(0, 10).map(commit => {
    const tr = document.createElement('tr');
    tr.append(cell(time(commit['committed-at'])), cell(commit.thread), cell(`${commit['duration-ms']} ms`, 'number'),
      cell(number(commit.records), 'number'), cell(String(commit.tasks), 'number'));
    return tr;
  }));
}

function drawThroughput() {
  const view = rivulet.tasks;
  const total = view.tasks.reduce((sum, task) => sum + task['records-per-second'], 0);
  rivulet.history.push([view.time, total]);
  if (rivulet.history.length > HISTORY_POINTS) rivulet.history.shift();
  rivulet.throughput.setOption({
    animation: false,
    grid: { left: 60, right: 16, top: 30, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: 'records/s', nameTextStyle: { align: 'left' } },
    series: [{ type: 'line', showSymbol: false, areaStyle: { opacity: .15 }, data: rivulet.history }],
  });
}

async function refreshGroup() {
  const target = document.getElementById('group');
  try {
    const group = await getJson('api/group');
    target.replaceChildren(...group.instances.map(instance => {
      const div = document.createElement('div');
      div.className = 'instance' + (instance.self ? ' self' : '');
      div.innerHTML = `<b></b> ${instance.self ? '(this instance)' : ''} at ${instance.host}: `;
      div.querySelector('b').textContent = instance.instance;
      if (instance.url && !instance.self) {
        // Every instance serves this page: a link opens the other one's view.
        const link = document.createElement('a');
        link.href = `${instance.url}/rivulet/`;
        link.textContent = 'open its page';
        div.append(link, ' · ');
      }
      div.append(instance.tasks.length ? `tasks ${instance.tasks.join(', ')}` : 'no tasks');
      return div;
    }));
    target.prepend(`group ${group['group-id']} is ${group.state}, ${group.instances.length} instance(s)`);
  } catch (e) {
    target.textContent = e.message;
  }
}

async function refreshSavepoints() {
  const target = document.getElementById('savepoints');
  try {
    const savepoints = await getJson('savepoints');
    if (!savepoints.length) {
      target.replaceChildren(none('no savepoints yet — POST /rivulet/savepoints takes one'));
      return;
    }
    const table = document.createElement('table');
    table.innerHTML = '<thead><tr><th>id</th><th>status</th><th>requested at</th><th>location / failure</th></tr></thead><tbody></tbody>';
    fill(table.querySelector('tbody'), savepoints.map(savepoint => {
      const tr = document.createElement('tr');
      tr.append(cell(savepoint.id), cell(savepoint.status + (savepoint.stop ? ', stop' : '')),
        cell(time(savepoint['requested-at'])), cell(savepoint.location || savepoint.failure || ''));
      return tr;
    }));
    target.replaceChildren(table);
  } catch (e) {
    target.textContent = e.message;
  }
}

async function tick() {
  try {
    if (!rivulet.job) {
      rivulet.job = await getJson('api/job');
      document.getElementById('application').textContent = rivulet.job['application-id'];
    }
    rivulet.tasks = await getJson('api/tasks');
    drawTasks();
    drawThroughput();
    drawGraph();
    drawOperators();
  } catch (e) {
    document.getElementById('summary').textContent = e.message;
  }
  if (rivulet.ticks++ % SLOW_REFRESH_EVERY === 0) {
    await Promise.all([refreshGroup(), refreshSavepoints()]);
  }
  setTimeout(tick, REFRESH_MS);
}

rivulet.graph = echarts.init(document.getElementById('graph'), null, { renderer: 'svg' });
rivulet.throughput = echarts.init(document.getElementById('throughput'), null, { renderer: 'svg' });
window.addEventListener('resize', () => { rivulet.graph.resize(); rivulet.throughput.resize(); });
tick();
