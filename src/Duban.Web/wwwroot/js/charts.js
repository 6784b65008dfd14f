// Charts and the map board, drawn with Apache ECharts from data the server put in data- attributes
// or serves as JSON. No online tiles: the map is the region's own GeoJSON.
(function () {
  'use strict';
  var colours = { Red: '#d63939', Yellow: '#f59f00', Green: '#2fb344', Done: '#206bc4', Grey: '#9aa0ac' };

  // ECharts puts a formatter's string into the tooltip as HTML; names come from people and spreadsheets.
  function html(value) {
    return String(value == null ? '' : value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function investmentChart(el) {
    var months = el.dataset.months.split(',').map(Number);
    var cumulative = [];
    months.reduce(function (sum, v, i) { cumulative[i] = Math.round((sum + v) * 100) / 100; return sum + v; }, 0);
    // The cumulative line stops at the last month reported; later months have not happened yet.
    var last = months.reduce(function (at, v, i) { return v > 0 ? i : at; }, -1);
    cumulative = cumulative.map(function (v, i) { return i <= last ? v : null; });
    var plan = el.dataset.plan ? Number(el.dataset.plan) : null;
    var series = [
      { name: el.dataset.labelMonth, type: 'bar', data: months, itemStyle: { color: '#206bc4' } },
      { name: el.dataset.labelCumulative, type: 'line', data: cumulative, itemStyle: { color: '#f76707' } }
    ];
    if (plan) {
      series.push({ name: el.dataset.labelPlan, type: 'line', data: months.map(function (_, i) { return Math.round(plan * (i + 1) / 12 * 100) / 100; }), lineStyle: { type: 'dashed' }, itemStyle: { color: '#9aa0ac' } });
    }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: months.map(function (_, i) { return (i + 1) + '月'; }) },
      yAxis: { type: 'value', name: '万元' },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function mapBoard(el) {
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    var query = el.dataset.query || '';
    Promise.all([
      fetch('/api/v1/map/boundary', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }),
      fetch('/api/v1/projects/map' + query, { credentials: 'same-origin' }).then(function (r) { return r.json(); })
    ]).then(function (results) {
      var geo = results[0], points = results[1];
      el.dataset.count = points.length;
      var option = {
        animation: false,
        tooltip: { confine: true, extraCssText: 'white-space: normal; overflow-wrap: anywhere; max-width: 22rem;', formatter: function (p) { return p.data ? html(p.data.name) + '<br>' + html(p.data.unit) + ' · ' + html(p.data.lightLabel) : ''; } },
        series: []
      };
      var data = points.map(function (p) {
        return { name: p.name, value: [p.longitude, p.latitude, Number(p.totalInvestment)], id: p.id, light: p.light, unit: p.leadUnit,
                 lightLabel: el.dataset['light' + p.light] || p.light, itemStyle: { color: colours[p.light] || '#9aa0ac' } };
      });
      if (geo) {
        echarts.registerMap('region', geo);
        option.geo = { map: 'region', roam: true, itemStyle: { areaColor: '#f4f6fa', borderColor: '#656d77' }, emphasis: { disabled: true } };
        option.series.push({ type: 'scatter', coordinateSystem: 'geo', geoIndex: 0, z: 10, data: data, symbolSize: 16, itemStyle: { borderColor: '#fff', borderWidth: 1.5 } });
      } else {
        option.xAxis = { type: 'value', scale: true, name: '°E' };
        option.yAxis = { type: 'value', scale: true, name: '°N' };
        option.series.push({ type: 'scatter', data: data, symbolSize: 16, z: 10 });
      }
      chart.setOption(option);
      chart.on('click', function (p) { if (p.data && p.data.id) { window.location.href = '/Projects/' + p.data.id; } });
      el.setAttribute('data-ready', 'true');
      var list = document.getElementById('map-list');
      if (list) {
        list.innerHTML = '';
        points.forEach(function (p) {
          var li = document.createElement('li');
          li.className = 'list-group-item py-1';
          li.dataset.light = p.light;
          li.dataset.project = p.id;
          var dot = document.createElement('span');
          dot.className = 'status-dot me-1';
          dot.style.background = colours[p.light];
          var a = document.createElement('a');
          a.href = '/Projects/' + p.id;
          a.textContent = p.name;
          li.appendChild(dot);
          li.appendChild(a);
          list.appendChild(li);
        });
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function trendChart(el) {
    var nums = function (name) { return el.dataset[name].split(',').map(Number); };
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 30, right: 10, top: 30, bottom: 25 },
      xAxis: { type: 'category', data: el.dataset.weeks.split(',') },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: el.dataset.labelRed, type: 'line', data: nums('red'), itemStyle: { color: colours.Red } },
        { name: el.dataset.labelYellow, type: 'line', data: nums('yellow'), itemStyle: { color: colours.Yellow } },
        { name: el.dataset.labelDone, type: 'bar', data: nums('done'), itemStyle: { color: colours.Done } }
      ]
    });
    el.setAttribute('data-ready', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // An indicator's year: completion against time progress (lines, left axis) and growth against last year's (bars, right axis).
  function indicatorChart(el) {
    var nums = function (name) { return el.dataset[name].split(',').map(function (v) { return v === '' ? null : Number(v); }); };
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 45, right: 45, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: el.dataset.periods.split(',') },
      yAxis: [{ type: 'value', name: '%', max: function (v) { return Math.max(100, Math.ceil(v.max / 10) * 10); } }, { type: 'value', name: '±%' }],
      series: [
        { name: el.dataset.labelCompletion, type: 'line', z: 3, showSymbol: true, symbolSize: 8, data: nums('completion'), itemStyle: { color: '#206bc4' } },
        { name: el.dataset.labelTime, type: 'line', z: 3, showSymbol: true, data: nums('time'), lineStyle: { type: 'dashed' }, itemStyle: { color: '#9aa0ac' } },
        { name: el.dataset.labelYoy, type: 'bar', yAxisIndex: 1, data: nums('yoy'), itemStyle: { color: '#f76707' } },
        { name: el.dataset.labelLastYoy, type: 'bar', yAxisIndex: 1, data: nums('lastYoy'), itemStyle: { color: '#ffd8a8' } }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // The lead funnel: how many leads reached each stage (a lead counts at every stage it passed).
  function leadFunnel(el) {
    var stages = JSON.parse(el.dataset.funnel);
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      tooltip: { trigger: 'item', formatter: function (p) { return html(p.name) + ': ' + p.value + ' (' + p.data.now + ')'; } },
      series: [{
        type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 10, bottom: 10, minSize: '12%',
        label: { show: true, position: 'inside', formatter: function (p) { return p.name + ' ' + p.value; } },
        data: stages.map(function (s) { return { name: s.name, value: s.value, now: s.now }; })
      }]
    });
    el.setAttribute('data-ready', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.querySelectorAll('#investment-chart').forEach(investmentChart);
  document.querySelectorAll('#lead-funnel-chart').forEach(leadFunnel);
  document.querySelectorAll('#indicator-chart').forEach(indicatorChart);
  document.querySelectorAll('#overview-trend').forEach(trendChart);
  document.querySelectorAll('#map-board').forEach(mapBoard);
})();
