/* Relief Ledger map layers.
 *
 * The page is built once (by folium); everything on it is drawn here from "features" (plain objects
 * made by app/map/features.py) and changed in place by patches {reset, upsert, remove, tag}
 * that arrive over QWebChannel. A patch never reloads the page nor moves the view, so an operator
 * keeps their zoom while entries arrive. Clicks go back to the desktop client as (kind, key).
 */
(function () {
  "use strict";
  var RL = window.RL = {};
  var KIND_ICONS = {depot: "fa-warehouse", staging: "fa-boxes-stacked", shelter: "fa-people-roof",
    hospital: "fa-hospital", distribution_point: "fa-hand-holding-heart", vehicle: "fa-truck",
    command_center: "fa-tower-broadcast"};
  var KIND_COLOURS = {depot: "#1565c0", staging: "#5e35b1", shelter: "#2e7d32", hospital: "#c62828",
    distribution_point: "#00838f", vehicle: "#6d4c41", command_center: "#37474f"};
  var PRIORITY_RADIUS = {critical: 11, high: 9, normal: 7, low: 5};
  var SHIPMENT_COLOURS = {in_transit: "#ef6c00", delivered: "#78909c"};
  var ROAD_COLOURS = {open: "#2e7d32", restricted: "#f9a825", closed: "#c62828"};
  var LAYER_TITLES = {
    sites: "<i class='fa-solid fa-warehouse'></i> Sites &amp; stock",
    requests: "<i class='fa-solid fa-circle-exclamation'></i> Requests",
    shipments: "<i class='fa-solid fa-truck'></i> Shipments",
    roads: "<i class='fa-solid fa-road'></i> Road status",
    plan: "<i class='fa-solid fa-route'></i> Plan"
  };

  var map, channel = null, renderer, groups = {}, layers = {}, highlight = null, fitted = false, clock;

  function esc(value) {
    return String(value === null || value === undefined ? "" : value).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  function num(n) { return Number(n).toLocaleString("en-US"); }
  function when(ms) { return ms ? new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC" : ""; }
  function words(s) { return String(s || "").replace(/_/g, " "); }

  function unmetColour(share) {
    // green (all delivered) -> amber (half) -> red (nothing delivered)
    var stops = [[46, 125, 50], [249, 168, 37], [198, 40, 40]];
    var t = Math.max(0, Math.min(1, share)) * 2, i = Math.min(1, Math.floor(t)), f = t - i;
    var c = stops[i].map(function (v, k) { return Math.round(v + (stops[i + 1][k] - v) * f); });
    return "rgb(" + c.join(",") + ")";
  }

  // -- popups ------------------------------------------------------------------------------------
  function popup(f) {
    var html = "<div class='rl-popup'>";
    if (f.layer === "sites") {
      html += "<b>" + esc(f.name) + "</b><br><span class='muted'>" + esc(words(f.kind)) + " · " + esc(f.org) +
        " · " + esc(f.key) + "</span>";
      if (f.stock.length) {
        html += "<table>" + f.stock.map(function (s) {
          return "<tr><td>" + esc(s[0]) + "</td><td class='q" + (s[1] < 0 ? " warn" : "") + "'>" + num(s[1]) +
            "</td><td class='muted'>" + esc(s[2]) + "</td></tr>";
        }).join("") + "</table>";
        if (f.more) html += "<span class='muted'>+" + f.more + " more items</span>";
      } else {
        html += "<br><span class='muted'>no stock</span>";
      }
      if (f.negative) html += "<br><span class='warn'>stock over-drawn</span>";
    } else if (f.layer === "requests") {
      html += "<b>Request " + esc(f.key) + "</b> · " + esc(f.priority) + "<br>" + num(f.qty) + " " + esc(f.item) +
        " for " + esc(f.site) + "<br>" + num(f.delivered) + " delivered · " + Math.round(f.unmet * 100) +
        "% unmet · " + esc(f.status);
    } else if (f.layer === "shipments") {
      html += "<b>Shipment " + esc(f.key) + "</b> · " + esc(words(f.status)) + "<br>" + esc(f.from_name) + " → " +
        esc(f.to_name) + "<br>" + esc(f.cargo) + "<br><span class='muted'>" + esc(f.carrier) +
        (f.pos_ms ? " · last position " + when(f.pos_ms) : "") + "</span>";
      if (f.discrepancies) html += "<br><span class='warn'>" + f.discrepancies + " discrepancy line(s)</span>";
    } else if (f.layer === "roads") {
      html += "<b>" + esc(f.name) + "</b> · " + esc(f.status) + (f.note ? "<br>" + esc(f.note) : "");
    } else if (f.layer === "plan") {
      html += "<b>Plan</b>: " + num(f.qty) + " " + esc(f.item) + "<br>" + esc(f.from_name) + " → " + esc(f.to_name);
    }
    return html + "</div>";
  }

  function label(f) {
    if (f.layer === "sites") return esc(f.name);
    if (f.layer === "requests") return esc(f.key + " · " + f.priority + " · " + Math.round(f.unmet * 100) + "% unmet");
    if (f.layer === "shipments") return esc(f.key + " · " + words(f.status));
    if (f.layer === "roads") return esc(f.name + " · " + f.status);
    return esc(num(f.qty) + " " + f.item);
  }

  // -- layers --------------------------------------------------------------------------------------
  function siteIcon(f) {
    return L.divIcon({className: "rl-site", iconSize: [26, 26], iconAnchor: [13, 13],
      html: "<div class='rl-pin" + (f.negative ? " rl-negative" : "") + "' style='background:" +
        (KIND_COLOURS[f.kind] || "#455a64") + "'><i class='fa-solid " + (KIND_ICONS[f.kind] || "fa-location-dot") +
        "'></i></div>"});
  }

  function requestIcon(f) {
    // a disc beside its site, offset in screen pixels (f.slot) so it never hides under the site symbol
    var r = PRIORITY_RADIUS[f.priority] || 7, border = f.priority === "critical" ? 3 : 1.5;
    var size = 2 * r, step = 11;
    return L.divIcon({className: "rl-request", iconSize: [size, size],
      iconAnchor: [r - f.slot[1] * step, r + f.slot[0] * step],
      html: "<div style='width:" + size + "px;height:" + size + "px;border-radius:50%;background:" +
        unmetColour(f.unmet) + ";opacity:" + (f.status === "filled" ? 0.55 : 0.95) + ";border:" + border +
        "px solid " + (f.priority === "critical" ? "#4a0000" : "#37474f") + ";box-sizing:border-box'></div>"});
  }

  function shipmentLineStyle(f) {
    var moving = f.status === "in_transit";
    return {renderer: renderer, color: SHIPMENT_COLOURS[f.status] || "#ef6c00", weight: moving ? 3 : 2,
      opacity: moving ? 0.9 : 0.45, dashArray: moving ? "8 6" : null};
  }

  /* A shipment is two objects side by side in the shipments group: its route line and its position
   * dot (no nested group: Leaflet 1.9.3's group tooltips fail on nested groups). */
  function makeShipment(f) {
    var line = L.polyline(f.from && f.to ? [f.from, f.to] : [], shipmentLineStyle(f));
    line._pos = L.circleMarker(f.pos || f.to, {renderer: renderer, radius: 6, weight: 2, color: "#fff",
      fillColor: "#e65100", fillOpacity: 1});
    line._pos._rlid = f.id;
    return line;
  }

  function showPosition(line, f) {
    var show = f.status === "in_transit" && !!f.pos;
    if (show && !groups.shipments.hasLayer(line._pos)) groups.shipments.addLayer(line._pos);
    if (!show && groups.shipments.hasLayer(line._pos)) groups.shipments.removeLayer(line._pos);
  }

  function updateShipment(entry, f) {
    var line = entry.layer;
    line.setLatLngs(f.from && f.to ? [f.from, f.to] : []);
    line.setStyle(shipmentLineStyle(f));
    if (f.pos) line._pos.setLatLng(f.pos);
    showPosition(line, f);
    entry.f = f;
  }

  function makeLayer(f) {
    if (f.layer === "sites") return L.marker([f.lat, f.lon], {icon: siteIcon(f), riseOnHover: true});
    if (f.layer === "requests") return L.marker([f.lat, f.lon], {icon: requestIcon(f), zIndexOffset: 1000});
    if (f.layer === "shipments") return makeShipment(f);
    if (f.layer === "roads") {
      return L.polyline(f.path, {renderer: renderer, color: ROAD_COLOURS[f.status] || "#555", weight: 6,
        opacity: 0.85, dashArray: f.status === "closed" ? "12 8" : null});
    }
    return L.polyline([f.from, f.to], {renderer: renderer, color: "#6a1b9a", weight: 4, opacity: 0.9,
      dashArray: "2 8"});
  }

  function current(layer) {
    var id = layer && layer._rlid;
    return id && layers[id] ? layers[id].f : null;
  }

  /* One popup, tooltip and click handler per layer group (not per object): binding closures on
   * fifteen thousand objects cost a third of a second at first paint. Events from a shipment's line
   * or dot reach its group with the clicked part as e.layer, hence the _rlid on every part. */
  function delegate(group) {
    group.bindPopup(function (layer) { var f = current(layer); return f ? popup(f) : ""; });
    group.bindTooltip(function (layer) { var f = current(layer); return f ? label(f) : ""; },
      {sticky: true, direction: "top"});
    group.on("click", function (e) {
      var f = current(e.layer);
      if (f && channel && f.layer !== "plan") channel.clicked(f.layer, f.key);
    });
  }

  function removeId(id) {
    var entry = layers[id];
    if (!entry) return;
    groups[entry.f.layer].removeLayer(entry.layer);
    if (entry.layer._pos) groups.shipments.removeLayer(entry.layer._pos);
    delete layers[id];
  }

  function upsert(f, bulkSites) {
    var entry = layers[f.id];
    if (entry && entry.f.layer === "shipments") { updateShipment(entry, f); return; }
    if (entry && entry.f.layer === "requests") {
      entry.layer.setLatLng([f.lat, f.lon]); entry.layer.setIcon(requestIcon(f)); entry.f = f; return;
    }
    if (entry && entry.f.layer === "sites" && entry.f.lat === f.lat && entry.f.lon === f.lon) {
      if (entry.f.kind !== f.kind || entry.f.negative !== f.negative) entry.layer.setIcon(siteIcon(f));
      entry.f = f; return;
    }
    if (entry) removeId(f.id);
    var layer = makeLayer(f);
    layer._rlid = f.id;
    layers[f.id] = {f: f, layer: layer};
    if (bulkSites && f.layer === "sites") bulkSites.push(layer); else groups[f.layer].addLayer(layer);
    if (f.layer === "shipments") showPosition(layer, f);
  }

  function clearAll() {
    Object.keys(groups).forEach(function (name) { groups[name].clearLayers(); });
    layers = {};
    if (highlight) { map.removeLayer(highlight); highlight = null; }
  }

  function fitToSites(features) {
    var points = [];
    features.forEach(function (f) { if (f.layer === "sites") points.push([f.lat, f.lon]); });
    if (points.length) { map.fitBounds(L.latLngBounds(points).pad(0.15), {maxZoom: 11, animate: false}); fitted = true; }
  }

  // -- messages from the desktop client -------------------------------------------------------------
  RL.patch = function (patch) {
    if (patch.reset) clearAll();
    // fit before drawing: drawing ten thousand site symbols at the old zoom and then clustering them
    // away costs a second of DOM work
    if (!fitted && patch.reset) fitToSites(patch.upsert || []);
    var bulk = patch.reset ? [] : null;
    (patch.remove || []).forEach(removeId);
    (patch.upsert || []).forEach(function (f) { upsert(f, bulk); });
    if (bulk && bulk.length) groups.sites.addLayers(bulk);
    if (patch.tag !== undefined && patch.tag !== null && channel) {
      var tag = patch.tag;
      requestAnimationFrame(function () { requestAnimationFrame(function () { channel.painted(tag); }); });
    }
  };

  function centreOf(f) {
    if (f.layer === "sites" || f.layer === "requests") return L.latLng(f.lat, f.lon);
    if (f.layer === "shipments") return L.latLng(f.status === "in_transit" && f.pos ? f.pos : (f.to || f.pos));
    if (f.layer === "roads") return L.latLngBounds(f.path).getCenter();
    return L.latLngBounds([f.from, f.to]).getCenter();
  }

  RL.focus = function (id) {
    var entry = layers[id];
    if (!entry) return false;
    var centre = centreOf(entry.f);
    if (highlight) map.removeLayer(highlight);
    highlight = L.circleMarker(centre, {radius: 21, color: "#00b8d4", weight: 4, fill: false, interactive: false,
      className: "rl-highlight"}).addTo(map);
    if (entry.f.layer === "sites") {
      groups.sites.zoomToShowLayer(entry.layer, function () { map.panTo(centre); });
    } else if (entry.f.layer === "roads" || entry.f.layer === "plan") {
      map.fitBounds(entry.layer.getBounds().pad(0.3), {maxZoom: Math.max(map.getZoom(), 11)});
    } else {
      map.setView(centre, Math.max(map.getZoom(), 11));
    }
    return true;
  };

  RL.command = function (command) {
    if (command.op === "focus") RL.focus(command.id);
    else if (command.op === "clock") {
      clock.getContainer().style.display = command.text ? "block" : "none";
      clock.getContainer().textContent = command.text || "";
    }
  };

  /* What the page shows, for tests and diagnostics: feature counts per layer and the view. */
  RL.summary = function () {
    var counts = {};
    Object.keys(layers).forEach(function (id) { var l = layers[id].f.layer; counts[l] = (counts[l] || 0) + 1; });
    var c = map.getCenter();
    return {counts: counts, centre: [c.lat, c.lng], zoom: map.getZoom(), started: RL.started,
            highlight: highlight ? [highlight.getLatLng().lat, highlight.getLatLng().lng] : null};
  };
  RL.feature = function (id) { return layers[id] ? layers[id].f : null; };
  RL.click = function (id) {
    var e = layers[id];
    if (e) e.layer.fire("click", {latlng: centreOf(e.f)}, true);
    return !!e;
  };

  // -- start-up -------------------------------------------------------------------------------------
  function legend(open) {
    var control = L.control({position: "bottomright"});
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "rl-legend");
      var html = "<details" + (open ? " open" : "") + "><summary>Legend</summary><b>Sites</b>";
      Object.keys(KIND_ICONS).forEach(function (k) {
        html += "<i class='fa-solid " + KIND_ICONS[k] + "' style='color:" + KIND_COLOURS[k] + "'></i> " +
          words(k) + "<br>";
      });
      html += "<b>Requests</b>met<span class='grad'></span>unmet<br>size: priority; dark ring: critical";
      html += "<b>Shipments</b><span class='ln' style='border-color:#ef6c00;border-top-style:dashed'></span>in transit " +
        "<span class='sw' style='background:#e65100'></span>position<br>" +
        "<span class='ln' style='border-color:#78909c'></span>delivered";
      html += "<b>Roads</b>";
      Object.keys(ROAD_COLOURS).forEach(function (s) {
        html += "<span class='ln' style='border-color:" + ROAD_COLOURS[s] + "'></span>" + s + " ";
      });
      html += "<br><span class='ln' style='border-color:#6a1b9a;border-top-style:dotted'></span>plan</details>";
      div.innerHTML = html;
      L.DomEvent.disableClickPropagation(div);
      return div;
    };
    return control;
  }

  function basemaps(config) {
    map.createPane("world");
    map.getPane("world").style.zIndex = 150;
    var world = L.svg({pane: "world"});
    if (window.RL_WORLD) {
      L.geoJSON(window.RL_WORLD, {
        interactive: false,
        style: {renderer: world, color: "#9e9a8e", weight: 0.8, fillColor: "#f3f0e6", fillOpacity: 1},
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, {renderer: world, radius: 2, color: "#7a776d", weight: 1, fillOpacity: 0.7,
            interactive: false}).bindTooltip(esc(feature.properties.name),
            {permanent: true, direction: "right", className: "rl-city", offset: [3, 0]});
        }
      }).addTo(map);
    }
    var bases = {"Outline only (offline, Natural Earth)": L.layerGroup()};
    (config.basemaps || []).forEach(function (b) {
      var options = {maxNativeZoom: b.max_zoom, minNativeZoom: b.min_zoom, maxZoom: 19, attribution: esc(b.attribution)};
      if (b.bounds) options.bounds = [[b.bounds[1], b.bounds[0]], [b.bounds[3], b.bounds[2]]];
      bases[esc(b.title) + " (offline package)"] = L.tileLayer(b.url, options);
    });
    if (config.online) {
      bases["Online: " + esc(config.online.attribution)] = L.tileLayer(config.online.url,
        {maxZoom: 19, attribution: esc(config.online.attribution)});
    }
    var names = Object.keys(bases);
    bases[names.length > 1 ? names[1] : names[0]].addTo(map);
    return bases;
  }

  RL.start = function (leafletMap, config) {
    map = RL.map = leafletMap;
    map.setMinZoom(2);
    map.setMaxZoom(18);  // folium passes zoom limits to tile layers only; clustering needs them on the map
    renderer = L.canvas({padding: 0.3, tolerance: 4});
    var bases = basemaps(config);
    groups.roads = L.featureGroup().addTo(map);
    groups.shipments = L.featureGroup().addTo(map);
    groups.requests = L.featureGroup().addTo(map);
    groups.sites = L.markerClusterGroup({chunkedLoading: true, maxClusterRadius: function (zoom) { return zoom < 7 ? 60 : 22; }, showCoverageOnHover: false,
      disableClusteringAtZoom: 12, spiderfyOnMaxZoom: true, animate: false}).addTo(map);
    groups.plan = L.featureGroup().addTo(map);
    Object.keys(groups).forEach(function (name) { delegate(groups[name]); });
    var overlays = {};
    Object.keys(LAYER_TITLES).forEach(function (name) { overlays[LAYER_TITLES[name]] = groups[name]; });
    // in a small dock the controls fold away (hover or tap to open), so the map itself stays visible
    var roomy = map.getSize().x >= 800 && map.getSize().y >= 560;
    L.control.layers(bases, overlays, {collapsed: !roomy, position: "topright"}).addTo(map);
    legend(roomy).addTo(map);
    clock = L.control({position: "topleft"});
    clock.onAdd = function () { return L.DomUtil.create("div", "rl-clock"); };
    clock.addTo(map);
    RL.started = (RL.started || 0) + 1;
    if (config.embedded) RL.patch(config.embedded);
    if (typeof qt !== "undefined" && typeof QWebChannel !== "undefined") {
      new QWebChannel(qt.webChannelTransport, function (ch) {
        channel = ch.objects.relief;
        channel.patch.connect(function (text) { RL.patch(JSON.parse(text)); });
        channel.command.connect(function (text) { RL.command(JSON.parse(text)); });
        channel.ready();
      });
    }
  };
})();
