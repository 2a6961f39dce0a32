// A printable document over the app, as a page of real HTML: the portals
// draw on a canvas, which prints as one picture and which a screen reader
// cannot read as a table, so a document people keep (an invoice) opens here
// instead. The app sends its words, composed in shared-domain
// (printed_invoice_json); this file only lays them out, with text nodes
// (never HTML from data), `dir="auto"` on every piece of data so names in
// right-to-left scripts read as they should, and a print style sheet that
// sends only the document to paper (style.css).
//   learnloopPrint.show('invoice', '{"title":"Invoice BP-0007",...}')
(function () {
  'use strict';

  var view = null;          // the open dialog, if any
  var focusBefore = null;   // what had focus before it opened, to give it back

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attrs.text;
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  // Data from a person (a name, a description) takes its own direction.
  function data(tag, text, attrs) {
    var a = attrs || {};
    a.text = text;
    a.dir = 'auto';
    return el(tag, a);
  }

  function row(cells) { return el('tr', {}, cells); }

  // [SECTION] an invoice ------------------------------------------------------

  function invoice(doc) {
    var head = row(['Date', 'Session', 'Student', 'Time', 'Amount'].map(function (name, i) {
      return el('th', { scope: 'col', text: name, class: i >= 3 ? 'num' : '' });
    }));
    var body = el('tbody', {}, doc.lines.map(function (line) {
      return row([data('td', line.date), data('td', line.session), data('td', line.student),
        el('td', { class: 'num', text: line.time }), el('td', { class: 'num', text: line.amount })]);
    }));
    var sums = el('tfoot', {}, doc.sums.map(function (sum) {
      return el('tr', { class: sum.strong ? 'strong' : '' }, [
        el('th', { scope: 'row', colspan: '4', class: 'num', text: sum.label }),
        el('td', { class: 'num', text: sum.amount })]);
    }));
    var parts = [
      data('p', doc.business, { class: 'business' }),
      el('h1', { id: 'print-title', text: doc.title }),
      doc.status ? el('p', { class: doc.cancelled ? 'status cancelled' : 'status', text: doc.status }) : null,
      el('dl', {}, [el('dt', { text: 'For' }), data('dd', doc.family),
        el('dt', { text: doc.period_label }), el('dd', { text: doc.period })]),
      el('table', {}, [el('caption', { text: doc.period_label === 'Bought' ? 'What was bought' : 'Sessions' }),
        el('thead', {}, [head]), body, sums]),
    ];
    if (doc.payments.length) {
      parts.push(el('h2', { text: 'Payments' }));
      parts.push(el('table', { class: 'payments' }, [
        el('thead', {}, [row([el('th', { scope: 'col', text: 'Received' }),
          el('th', { scope: 'col', class: 'num', text: 'Amount' })])]),
        el('tbody', {}, doc.payments.map(function (p) {
          return row([el('td', { text: p.text }), el('td', { class: 'num', text: p.amount })]);
        }))]));
    }
    parts.push(data('p', doc.footer, { class: 'footer' }));
    return el('article', { class: 'document' }, parts);
  }

  var LAYOUTS = { invoice: invoice };

  // [SECTION] the dialog ------------------------------------------------------

  // While the dialog is open the app beneath is inert: Tab, a screen
  // reader's cursor and a click stay in the dialog.
  function setAppInert(inert) {
    Array.prototype.forEach.call(document.body.children, function (child) {
      if (child !== view && child.tagName !== 'SCRIPT') child.inert = inert;
    });
  }

  function close() {
    if (!view) return;
    setAppInert(false);
    view.remove();
    view = null;
    if (focusBefore && document.contains(focusBefore)) focusBefore.focus();
    focusBefore = null;
  }

  function show(kind, json) {
    var layout = LAYOUTS[kind];
    var doc;
    try { doc = JSON.parse(json); } catch (e) { return; }
    if (!layout || !doc) return;
    close();
    focusBefore = document.activeElement;
    var print = el('button', { type: 'button', class: 'primary', text: 'Print' });
    var shut = el('button', { type: 'button', text: 'Close' });
    print.addEventListener('click', function () { window.print(); });
    shut.addEventListener('click', close);
    view = el('div', { id: 'print-view', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'print-title' }, [
      el('div', { class: 'print-tools' }, [print, shut]),
      layout(doc),
    ]);
    document.body.appendChild(view);
    setAppInert(true);
    print.focus();
  }

  // Keys typed in the dialog are the page's (Tab, Enter and Space on its
  // buttons, scrolling), never the app's beneath it; Escape closes it. With
  // nothing focused (a focused button hidden, as for paper, loses focus to
  // the page) the keys are the dialog's too.
  function inView() {
    var active = document.activeElement;
    return !!view && (view.contains(active) || !active || active === document.body);
  }
  window.addEventListener('keydown', function (e) {
    if (!inView()) return;
    if (e.key === 'Escape') { e.preventDefault(); close(); }
    e.stopImmediatePropagation();
  }, true);
  window.addEventListener('keypress', function (e) {
    if (inView()) e.stopImmediatePropagation();
  }, true);

  window.learnloopPrint = { show: show, close: close };
})();
