// The frontline map: merged events as markers (colour: event type, size: fatalities), the
// territorial control of each place on the day shown (colour: holder), a slider that
// replays the war day by day, filters, and a panel with each event's evidence sentences
// and the articles they come from. Everything is read from the API beside the page.

const L = window.L;

const EVENT_TYPES = {
  'Battles': '#d1495b',
  'Explosions/Remote violence': '#f08a24',
  'Violence against civilians': '#8e44ad',
  'Strategic developments': '#2e6fba',
  'Humanitarian': '#2a9d8f',
};

const SUB_EVENT_TYPES = [
  'Armed clash', 'Government regains territory', 'Non-state actor overtakes territory',
  'Air/drone strike', 'Shelling/artillery/missile attack', 'Attack',
  'Non-violent transfer of territory', 'Disrupted weapons use', 'Looting/property destruction',
  'Arrests', 'Other', 'Displacement',
];

const HOLDERS = {
  SYR_GOV: ['Syrian government', '#c0392b'],
  RUS: ['Russia', '#7b241c'],
  IRN: ['Iran and allied militias', '#d35400'],
  HEZ: ['Hezbollah', '#b7950b'],
  OPP: ['Opposition', '#27ae60'],
  HTS: ['Hayat Tahrir al-Sham', '#4d5656'],
  TUR: ['Turkey', '#16a0b5'],
  SDF: ['SDF', '#f1c40f'],
  ISIS: ['Islamic State', '#17202a'],
  USA: ['United States', '#1f3a93'],
};
const CONTESTED = '#ffffff';
const UNKNOWN_HOLDER = '#95a5a6';

const ACTORS = {
  SYR_GOV: 'Syrian government forces', RUS: 'Russian forces', HTS: 'Hayat Tahrir al-Sham',
  OPP: 'Armed opposition', TUR: 'Turkish forces', IRN: 'Iran and Iran-backed militias',
  HEZ: 'Hezbollah', ISIS: 'Islamic State', SDF: 'Syrian Democratic Forces',
  USA: 'United States forces', CIV: 'Civilians', SCD: 'Syrian Civil Defence',
};

const SYRIA = [[32.3, 35.6], [37.35, 42.4]];
const DAY_MS = 86400000;

const $ = (selector) => document.querySelector(selector);

const state = {
  map: null,
  layers: {},
  events: [],
  days: { first: null, count: 0 },
  trail: 30,
  controlCache: new Map(),
  controlToken: 0,
  tiles: null,
  playing: null,
  selected: null,
};
window.frontline = state;

// ---------------------------------------------------------------- helpers

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function api(path, params = {}) {
  const response = await fetch(`api/${path}${query(params)}`, { headers: { Accept: 'application/json, application/geo+json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `${response.status} ${response.statusText}`);
  return body;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const dayNumber = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoDay = (number) => new Date(number * DAY_MS).toISOString().slice(0, 10);

function currentDay() {
  return state.days.first + Number($('#day').value);
}

function setStatus(text, isError = false) {
  const status = $('#status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

// ---------------------------------------------------------------- map and outlines

function createMap() {
  const map = L.map('map', { zoomSnap: 0.25, minZoom: 4, maxZoom: 13, attributionControl: true });
  map.fitBounds(SYRIA);
  map.createPane('outlines').style.zIndex = 200;
  map.createPane('control').style.zIndex = 380;
  state.map = map;
  state.layers.events = L.layerGroup().addTo(map);
  state.layers.control = L.layerGroup().addTo(map);
  // The rings around shared points are measured in pixels: drawn again at each zoom.
  map.on('zoomend', () => {
    if (state.events.length) drawEvents();
  });
  return map;
}

async function drawOutlines() {
  const response = await fetch('assets/boundaries.json');
  const boundaries = await response.json();
  L.geoJSON(boundaries.countries, {
    pane: 'outlines',
    interactive: false,
    style: (f) => ({
      color: f.properties.iso === 760 ? '#6d6253' : '#a89f91',
      weight: f.properties.iso === 760 ? 1.6 : 0.8,
      fillColor: f.properties.iso === 760 ? '#fbf8f1' : '#eee8dc',
      fillOpacity: 1,
    }),
  }).addTo(state.map);
  state.layers.governorates = L.geoJSON(boundaries.governorates, {
    pane: 'outlines',
    style: { color: '#b3a58e', weight: 0.9, dashArray: '3 3', fill: false },
    onEachFeature: (feature, layer) => {
      if (feature.properties.code === 'SY') return;
      layer.bindTooltip(feature.properties.name, { permanent: true, direction: 'center', className: 'gov-label', interactive: false });
    },
  }).addTo(state.map);
  state.map.attributionControl.addAttribution(boundaries.attribution);
}

function applyTiles(url, attribution) {
  if (state.tiles) {
    state.tiles.remove();
    state.tiles = null;
  }
  if (!url) return;
  state.tiles = L.tileLayer(url, { attribution: attribution || '', maxZoom: 19 }).addTo(state.map);
}

function setUpTiles() {
  const fromQuery = new URLSearchParams(location.search).get('tiles');
  const url = fromQuery || localStorage.getItem('frontline.tiles') || '';
  const attribution = localStorage.getItem('frontline.tiles.attribution') || '';
  $('#tiles [name=url]').value = url;
  $('#tiles [name=attribution]').value = attribution;
  applyTiles(url, attribution);
  $('#tiles-apply').addEventListener('click', () => {
    const newUrl = $('#tiles [name=url]').value.trim();
    const newAttribution = $('#tiles [name=attribution]').value.trim();
    localStorage.setItem('frontline.tiles', newUrl);
    localStorage.setItem('frontline.tiles.attribution', newAttribution);
    applyTiles(newUrl, newAttribution);
  });
  $('#tiles-clear').addEventListener('click', () => {
    $('#tiles [name=url]').value = '';
    localStorage.removeItem('frontline.tiles');
    applyTiles('', '');
  });
}

// ---------------------------------------------------------------- legend and filters

function drawLegend() {
  const legend = $('#legend');
  legend.replaceChildren(
    el('h3', {}, 'Events (circles, size: fatalities)'),
    el('ul', {}, Object.entries(EVENT_TYPES).map(([name, colour]) =>
      el('li', {}, el('span', { class: 'swatch', style: `background:${colour}` }), name))),
    el('h3', {}, 'Who holds a place (diamonds)'),
    el('ul', {},
      Object.entries(HOLDERS).map(([, [name, colour]]) =>
          el('li', {}, el('span', { class: 'swatch diamond', style: `background:${colour}` }), name)),
      el('li', {}, el('span', { class: 'swatch diamond contested', style: `background:${CONTESTED}` }), 'contested'),
      el('li', {}, el('span', { class: 'swatch diamond partial', style: `background:${UNKNOWN_HOLDER}` }), 'held in part')),
  );
}

function fillFilters(articles) {
  const type = $('#filters [name=type]');
  type.append(
    el('optgroup', { label: 'Event types' }, Object.keys(EVENT_TYPES).map((t) => el('option', { value: t }, t))),
    el('optgroup', { label: 'Sub-event types' }, SUB_EVENT_TYPES.map((t) => el('option', { value: t }, t))),
  );
  $('#filters [name=actor]').append(...Object.entries(ACTORS).map(([id, name]) => el('option', { value: id }, name)));
  $('#filters [name=article]').append(...articles.map((a) =>
    el('option', { value: a.id }, `${a.published ?? 'undated'} · ${a.title ?? a.id}`)));
}

function filterValues() {
  const form = new FormData($('#filters'));
  return {
    type: form.get('type'),
    actor: form.get('actor'),
    place: form.get('place').trim(),
    article: form.get('article'),
  };
}

// ---------------------------------------------------------------- data

async function loadEvents(filters) {
  const events = [];
  for (let offset = 0; ; ) {
    const page = await api('events', { ...filters, merged: 'true', limit: 1000, offset });
    events.push(...page.events);
    offset += page.events.length;
    if (page.events.length === 0 || offset >= page.total) break;
  }
  return events;
}

async function loadArticles() {
  const articles = [];
  for (let offset = 0; ; ) {
    const page = await api('articles', { limit: 1000, offset });
    articles.push(...page.articles);
    offset += page.articles.length;
    if (page.articles.length === 0 || offset >= page.total) break;
  }
  return articles;
}

/** The days the slider covers: from the day before the first report to the last one. */
function dayRange(events) {
  const starts = events.filter((e) => e.date_start).map((e) => dayNumber(e.date_start));
  const ends = events.filter((e) => e.date_end).map((e) => dayNumber(e.date_end));
  if (starts.length === 0) return { first: dayNumber(new Date().toISOString().slice(0, 10)), count: 1 };
  const first = Math.min(...starts) - 1;
  return { first, count: Math.max(...ends) - first + 1 };
}

// ---------------------------------------------------------------- drawing

function radius(fatalities) {
  return Math.min(30, 5 + 2.4 * Math.sqrt(fatalities || 0));
}

// Events at one point (a village, or the point of a governorate) would hide one another:
// each group is spread on a small ring around its point, one marker an event, so that each
// can be picked, with the count at the centre.
function groupedByPoint(events) {
  const groups = new Map();
  for (const e of events) {
    const key = `${e.latitude.toFixed(4)},${e.longitude.toFixed(4)}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(e);
  }
  return [...groups.values()];
}

// Where the i-th of n events at a point is drawn: the point itself when alone, else on a
// ring whose radius (in screen pixels, so it holds at every zoom) grows with n.
function spreadPoint(e, i, n) {
  if (n === 1) return [e.latitude, e.longitude];
  const map = state.map;
  const centre = map.latLngToLayerPoint([e.latitude, e.longitude]);
  const ring = Math.min(60, 10 + 3 * n);
  const angle = (2 * Math.PI * i) / n - Math.PI / 2;
  return map.layerPointToLatLng(centre.add([ring * Math.cos(angle), ring * Math.sin(angle)]));
}

function drawEvents() {
  const group = state.layers.events;
  group.clearLayers();
  const day = currentDay();
  const from = day - state.trail + 1;
  const visible = state.events.filter((e) => {
    if (e.latitude == null || e.longitude == null || !e.date_start) return false;
    const start = dayNumber(e.date_start);
    const end = e.date_end ? dayNumber(e.date_end) : start;
    return !(end < from || start > day);
  });
  let shown = 0;
  let clusters = 0;
  for (const members of groupedByPoint(visible)) {
    if (members.length > 1) {
      clusters += 1;
      L.marker([members[0].latitude, members[0].longitude], {
        icon: L.divIcon({ className: 'cluster-count', html: String(members.length), iconSize: [20, 20] }),
        interactive: false,
        keyboard: false,
      }).addTo(group);
    }
    members.forEach((e, i) => {
      const start = dayNumber(e.date_start);
      const end = e.date_end ? dayNumber(e.date_end) : start;
      const current = start <= day && day <= end;
      const age = day - end;
      const selected = e.event_id === state.selected;
      const marker = L.circleMarker(spreadPoint(e, i, members.length), {
        radius: members.length > 1 ? Math.min(radius(e.fatalities), 9) : radius(e.fatalities),
        color: selected ? '#000000' : '#2b2b2b',
        weight: selected ? 3 : 0.8,
        fillColor: EVENT_TYPES[e.event_type] || '#777',
        fillOpacity: current ? 0.9 : Math.max(0.25, 0.7 - age / (state.trail * 1.5)),
        className: 'event-marker',
      });
      const together = members.length > 1 ? ` · ${i + 1} of ${members.length} here` : '';
      marker.bindTooltip(`${e.sub_event_type} · ${e.location} · ${dateText(e)}${e.fatalities ? ` · ${e.fatalities} killed` : ''}${together}`);
      marker.on('click', () => showEvent(e.event_id));
      marker.addTo(group);
      const path = marker.getElement();
      if (path) {
        path.dataset.event = e.event_id;
        path.dataset.type = e.event_type;
        if (members.length > 1) path.dataset.cluster = String(members.length);
      }
      shown += 1;
    });
  }
  $('#map').dataset.eventsShown = String(shown);
  $('#map').dataset.clusters = String(clusters);
  return shown;
}

function holderColour(properties) {
  if (properties.contested) return CONTESTED;
  return (HOLDERS[properties.held_by] || [null, UNKNOWN_HOLDER])[1];
}

function holderText(properties) {
  if (properties.contested) return `contested by ${properties.claimants.join(', ')}`;
  const holder = HOLDERS[properties.held_by];
  return holder ? `held by ${holder[0]}` : 'holder unknown';
}

async function controlOn(day) {
  const iso = isoDay(day);
  if (!state.controlCache.has(iso)) state.controlCache.set(iso, api('control', { at: iso }));
  try {
    return await state.controlCache.get(iso);
  } catch (error) {
    state.controlCache.delete(iso);
    throw error;
  }
}

async function drawControl() {
  const token = ++state.controlToken;
  const collection = await controlOn(currentDay());
  if (token !== state.controlToken) return null;
  const group = state.layers.control;
  group.clearLayers();
  let shown = 0;
  for (const feature of collection.features) {
    if (!feature.geometry) continue;
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const diamond = el('span', { class: 'diamond' });
    diamond.style.backgroundColor = holderColour(p);
    const classes = ['control-marker', p.contested ? 'contested' : '', p.extent === 'partial' ? 'partial' : ''];
    const marker = L.marker([lat, lon], {
      pane: 'control',
      keyboard: false,
      icon: L.divIcon({ className: classes.join(' ').trim(), html: diamond, iconSize: [20, 20] }),
    });
    marker.bindTooltip(`${p.place}: ${holderText(p)}${p.extent === 'partial' ? ' (in part)' : ''}, since ${p.since ?? 'before the first report'}`);
    marker.addTo(group);
    const node = marker.getElement();
    if (node) {
      node.dataset.place = p.place_key;
      node.dataset.holder = p.contested ? 'contested' : (p.held_by ?? 'unknown');
    }
    shown += 1;
  }
  $('#map').dataset.controlShown = String(shown);
  return shown;
}

async function render() {
  const day = currentDay();
  $('#day-label').value = isoDay(day);
  $('#day-label').textContent = isoDay(day);
  history.replaceState(null, '', `#day=${isoDay(day)}`);
  const events = drawEvents();
  try {
    const places = await drawControl();
    if (places === null) return;
    setStatus(`${events} of ${state.events.length} events shown · control known for ${places} places`);
  } catch (error) {
    setStatus(`control: ${error.message}`, true);
  }
  document.body.dataset.day = isoDay(day);
}

function dateText(e) {
  if (e.event_date) return e.event_date;
  if (e.date_start && e.date_end) return `${e.date_start} – ${e.date_end}`;
  return 'undated';
}

// ---------------------------------------------------------------- event and article panel

function openPanel(...children) {
  $('#panel-body').replaceChildren(...children);
  $('#panel').scrollTop = 0;
  $('#panel').hidden = false;
}

function actorText(name, id, assoc) {
  if (!name && !id) return null;
  return [name || ACTORS[id] || id, assoc ? `with ${assoc}` : null].filter(Boolean).join(' ');
}

async function showEvent(id) {
  let e;
  try {
    e = await api(`events/${encodeURIComponent(id)}`);
  } catch (error) {
    openPanel(el('p', { class: 'error' }, error.message));
    return;
  }
  const articles = new Map((e.articles || []).map((a) => [a.id, a]));
  const sources = e.sources || [{ ...e, published: articles.get(e.article_id)?.published }];
  const facts = [
    ['Actor 1', actorText(e.actor1, e.actor1_id, e.assoc_actor_1)],
    ['Actor 2', actorText(e.actor2, e.actor2_id, e.assoc_actor_2)],
    ['Fatalities', e.fatalities],
    ['Civilians killed', e.civilian_fatalities],
    ['Children killed', e.child_fatalities],
    ['Injured', e.injuries],
    ['Control', e.control ? `${e.control.gained_by} gained${e.control.lost_by ? ` from ${e.control.lost_by}` : ''} (${e.control.extent})` : null],
    ['Confidence', e.confidence != null ? e.confidence.toFixed(2) : null],
  ].filter(([, value]) => value !== null && value !== undefined);
  openPanel(
    el('h2', {}, `${e.sub_event_type} in `, el('bdi', {}, e.location)),
    el('p', { class: 'meta' }, `${e.event_type} · ${dateText(e)} · ${e.admin1 ?? ''}`),
    el('dl', {}, facts.map(([name, value]) => [el('dt', {}, name), el('dd', {}, String(value))])),
    el('h3', {}, sources.length === 1 ? 'Source' : `${sources.length} sources`),
    el('ol', { class: 'sources' }, sources.map((s) => sourceItem(s, articles.get(s.article_id)))),
  );
  $('#panel').dataset.event = e.event_id;
  state.selected = e.event_id;
  drawEvents();
}

function sourceItem(source, article) {
  const title = article?.title || source.article_id;
  return el('li', {},
    // dir=auto: an Arabic sentence reads right to left, a French one left to right.
    el('blockquote', { class: 'evidence', lang: source.language, dir: 'auto' }, source.evidence),
    el('div', { class: 'source-meta' },
      el('button', { type: 'button', class: 'article-link', onclick: () => showArticle(source.article_id, source.evidence_start, source.evidence_end) }, title),
      ` · ${article?.source ?? 'unknown outlet'} · ${source.published ?? article?.published ?? 'undated'} · ${source.language}`,
      source.claimed_by ? ` · according to ${source.claimed_by}` : null,
      article?.url ? [' · ', el('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer' }, 'original')] : null));
}

/** The article's text with the evidence sentence marked; offsets are UTF-8 bytes. */
async function showArticle(id, start, end) {
  let article;
  try {
    article = await api(`articles/${encodeURIComponent(id)}`);
  } catch (error) {
    openPanel(el('p', { class: 'error' }, error.message));
    return;
  }
  const bytes = new TextEncoder().encode(article.text);
  const decode = (from, to) => new TextDecoder().decode(bytes.slice(from, to));
  const mark = el('mark', {}, decode(start, end));
  const back = $('#panel').dataset.event;
  openPanel(
    back ? el('button', { type: 'button', class: 'linklike', onclick: () => showEvent(back) }, '← back to the event') : null,
    el('h2', {}, article.title || article.id),
    el('p', { class: 'meta' },
      [article.source, article.published, article.language].filter(Boolean).join(' · '),
      article.url ? [' · ', el('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer' }, 'original')] : null),
    el('div', { class: 'article-text', lang: article.language, dir: 'auto' }, decode(0, start), mark, decode(end)),
  );
  $('#panel').dataset.event = back ?? '';
  mark.scrollIntoView({ block: 'center' });
}

// ---------------------------------------------------------------- controls

function setUpSlider() {
  const slider = $('#day');
  slider.max = String(Math.max(0, state.days.count - 1));
  const wanted = /day=(\d{4}-\d{2}-\d{2})/.exec(location.hash);
  const index = wanted ? dayNumber(wanted[1]) - state.days.first : state.days.count - 1;
  slider.value = String(Math.min(Math.max(index, 0), state.days.count - 1));
  slider.addEventListener('input', () => render());
  $('#play').addEventListener('click', togglePlay);
}

function togglePlay() {
  const slider = $('#day');
  if (state.playing) {
    clearInterval(state.playing);
    state.playing = null;
    $('#play').textContent = '▶';
    return;
  }
  if (Number(slider.value) >= Number(slider.max)) slider.value = '0';
  $('#play').textContent = '❚❚';
  state.playing = setInterval(() => {
    if (Number(slider.value) >= Number(slider.max)) {
      togglePlay();
      return;
    }
    slider.value = String(Number(slider.value) + 1);
    render();
  }, 250);
}

function setUpFilters() {
  let timer = null;
  const reload = async () => {
    try {
      state.events = await loadEvents(filterValues());
      render();
    } catch (error) {
      setStatus(error.message, true);
    }
  };
  const form = $('#filters');
  form.addEventListener('change', (event) => {
    if (event.target.name === 'trail') {
      state.trail = Number(event.target.value);
      render();
    } else {
      reload();
    }
  });
  form.querySelector('[name=place]').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(reload, 300);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  state.trail = Number(form.querySelector('[name=trail]').value);
}

function setUpLayers() {
  $('#layers').addEventListener('change', (event) => {
    const layer = state.layers[event.target.name];
    if (!layer) return;
    if (event.target.checked) layer.addTo(state.map);
    else layer.remove();
  });
  $('#panel-close').addEventListener('click', () => {
    $('#panel').hidden = true;
    state.selected = null;
    drawEvents();
  });
}

async function main() {
  createMap();
  drawLegend();
  setUpTiles();
  setUpLayers();
  try {
    const [events, articles] = await Promise.all([loadEvents({}), loadArticles(), drawOutlines()]);
    state.events = events;
    state.days = dayRange(events);
    fillFilters(articles);
    setUpFilters();
    setUpSlider();
    await render();
    document.body.dataset.ready = 'true';
  } catch (error) {
    setStatus(error.message, true);
    document.body.dataset.ready = 'error';
  }
}

main();
