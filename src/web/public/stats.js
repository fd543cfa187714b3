/*
 * The 统计 page's charts: each <div class="chart" data-chart="chart-…"> is
 * drawn with ECharts from the <script type="application/json" id="chart-…">
 * block beside it (the Content-Security-Policy forbids inline scripts). The
 * table next to each chart holds the same numbers and reads without this.
 */
;(function () {
  'use strict'
  if (typeof window.echarts === 'undefined') return

  function optionOf(data) {
    var many = data.categories.length > 8
    var names = data.labels || data.categories
    return {
      animation: false,
      // Drawn on the canvas ('richText'): the HTML tooltip writes style="" attributes, which the page's
      // Content-Security-Policy (style-src 'self') blocks, leaving it unstyled with an error each time.
      // Canvas text is never read as HTML, so titles typed by people need no escaping either.
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true, renderMode: 'richText',
        backgroundColor: '#fff', borderColor: '#d9dee3', borderWidth: 1, padding: [6, 10],
        textStyle: { color: '#1f2933', fontSize: 13, lineHeight: 20 },
      },
      legend: { show: data.series.length > 1, type: 'scroll', top: 0 },
      grid: { left: 8, right: 16, top: data.series.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
      // The axis shows the short category (#12); the tooltip the full label (#12 联合教研).
      xAxis: {
        type: 'category', data: names,
        axisLabel: { interval: many ? 'auto' : 0, rotate: many ? 45 : 0, formatter: function (_value, index) { return data.categories[index] } },
      },
      yAxis: { type: 'value', minInterval: 1, max: data.percent ? 100 : null, axisLabel: { formatter: data.percent ? '{value}%' : '{value}' } },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'bar', data: s.data, stack: s.stack, barMaxWidth: 40 }
      }),
    }
  }

  function draw(el) {
    var block = document.getElementById(el.getAttribute('data-chart'))
    if (!block) return
    var data
    try {
      data = JSON.parse(block.textContent)
    } catch (e) {
      return
    }
    var chart = window.echarts.init(el)
    chart.setOption(optionOf(data))
    window.addEventListener('resize', function () { chart.resize() })
  }

  var charts = document.querySelectorAll('.chart[data-chart]')
  for (var i = 0; i < charts.length; i++) draw(charts[i])
})()
