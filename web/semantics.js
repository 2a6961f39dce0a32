// Keeps an invisible, accessible DOM tree in step with what the app drew
// (client-wasm/ui/semantics.hpp): one element per node, positioned over the
// canvas, touched only where the tree changed. Focus, activation and typed
// text go back to the app. Loaded before app.js, so its key filter runs
// before the app's own keyboard handlers. See docs/ui-semantics.md.
(function () {
  'use strict';
  var ROLES = ['group', 'heading', 'text', 'button', 'link', 'checkbox', 'radio', 'textfield', 'combobox',
    'table', 'row', 'cell', 'columnheader', 'tablist', 'tab', 'dialog', 'alert', 'image', 'radiogroup',
    'listbox', 'option'];
  var DISABLED = 1, CHECKED = 2, SELECTED = 4, MULTILINE = 8, PASSWORD = 16, INVALID = 32, OFFSCREEN = 64,
    EXPANDED = 128;
  var INTERACTIVE = { button: 1, link: 1, checkbox: 1, radio: 1, textfield: 1, combobox: 1, tab: 1 };

  var root = document.getElementById('semantics');
  var announcer = document.getElementById('announce');
  var records = new Map();     // key -> { el, role, values last written }
  var sent = new Map();        // key -> text last sent to the app from a field
  var lastActive = 0;
  var focusBeforeDialog = null;
  var listOwner = 0;          // the combo whose open list has focus: focus goes back to it when the list closes
  var encoder = new TextEncoder();
  var updates = 0;
  var updateMs = 0;           // time spent in update(), for the benchmark
  var announce = [];          // alerts that appeared or changed in this frame

  function call(name, types, args) {
    if (window.Module && Module.ccall) Module.ccall(name, null, types, args);
  }
  function keyOf(el) {
    var node = el && el.closest ? el.closest('[data-key]') : null;
    return node && root.contains(node) ? Number(node.dataset.key) : 0;
  }

  function create(role, level, state) {
    var el;
    switch (role) {
      case 'heading': el = document.createElement('h' + Math.min(Math.max(level || 2, 1), 6)); break;
      case 'text': case 'alert': el = document.createElement('p'); break;
      case 'button': case 'combobox': case 'tab': case 'checkbox': case 'radio':
        el = document.createElement('button'); el.type = 'button';
        if (role !== 'button') el.setAttribute('role', role === 'combobox' ? 'button' : role);
        if (role === 'combobox') el.setAttribute('aria-haspopup', 'listbox');
        break;
      case 'link': el = document.createElement('a'); el.href = '#'; break;
      case 'textfield':
        if (state & MULTILINE) el = document.createElement('textarea');
        else { el = document.createElement('input'); el.type = state & PASSWORD ? 'password' : 'text'; }
        el.spellcheck = !(state & PASSWORD);
        break;
      case 'image': el = document.createElement('div'); el.setAttribute('role', 'img'); break;
      case 'dialog': el = document.createElement('div'); el.setAttribute('role', 'dialog'); el.setAttribute('aria-modal', 'true'); break;
      case 'table': case 'row': case 'cell': case 'columnheader': case 'tablist': case 'radiogroup': case 'listbox':
        el = document.createElement('div'); el.setAttribute('role', role); break;
      case 'option':
        // Not a Tab stop: the arrow keys move between a list's options.
        el = document.createElement('div'); el.setAttribute('role', 'option'); el.tabIndex = -1; break;
      default: el = document.createElement('div');
    }
    el.className = 'sem sem-' + role;
    return el;
  }

  function setAttr(el, name, value) {
    if (value === null || value === undefined || value === false) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== String(value)) {
      el.setAttribute(name, String(value));
    }
  }

  // Writes only what differs from what this element last showed.
  function apply(rec, n, originX, originY) {
    var el = rec.el, role = rec.role;
    var label = n[5], value = n[6], hint = n[7], state = n[3];
    var sig = label + '\u0001' + value + '\u0001' + hint + '\u0001' + state;
    if (rec.sig !== sig) {
      rec.sig = sig;
      if (role === 'textfield') {
        setAttr(el, 'aria-label', label || null);
        var parts = hint.split('|');
        setAttr(el, 'placeholder', parts[0] || null);
        setAttr(el, 'autocomplete', parts[1] || (state & PASSWORD ? 'new-password' : 'off'));
        // When the app writes the text, what was last sent no longer
        // describes the field: typing the same text again (signing in again
        // as the same person after signing out) must reach the app.
        if (document.activeElement !== el) {
          if (el.value !== value) { el.value = value; delete el.dataset.sent; }
        } else if (value !== sent.get(n[0]) && value !== el.value) {
          el.value = value;   // the app changed the text itself (cleared it after saving)
          delete el.dataset.sent;
        }
      } else if (role === 'link') {
        if (el.textContent !== label) el.textContent = label;
        setAttr(el, 'href', hint || '#');
      } else if (role === 'image' || role === 'dialog' || role === 'tablist' || role === 'table' || role === 'radiogroup'
        || role === 'listbox') {
        setAttr(el, 'aria-label', label || null);
      } else if (role === 'group') {
        // A named group (one calendar session with its buttons) is announced
        // as one; an unnamed one only holds its children.
        setAttr(el, 'role', label ? 'group' : null);
        setAttr(el, 'aria-label', label || null);
      } else if (role === 'combobox') {
        setAttr(el, 'aria-label', label ? label + ': ' + value : null);
        setAttr(el, 'aria-expanded', state & EXPANDED ? 'true' : 'false');
        if (el.textContent !== value) el.textContent = value;
      } else if (role !== 'row' && role !== 'cell' && role !== 'group') {
        if (el.firstChild && el.firstChild.nodeType === 3 ? el.firstChild.data !== label : el.textContent !== label)
          el.textContent = label;
      }
      setAttr(el, 'disabled', (state & DISABLED) && INTERACTIVE[role] ? '' : null);
      if (role === 'checkbox' || role === 'radio') setAttr(el, 'aria-checked', state & CHECKED ? 'true' : 'false');
      if (role === 'tab' || role === 'option') setAttr(el, 'aria-selected', state & SELECTED ? 'true' : 'false');
      if (role === 'option') setAttr(el, 'aria-disabled', state & DISABLED ? 'true' : null);
      if (role === 'button') setAttr(el, 'aria-pressed', state & SELECTED ? 'true' : null);
      setAttr(el, 'aria-invalid', state & INVALID ? 'true' : null);
      el.classList.toggle('sem-off', !!(state & OFFSCREEN));
      if (role === 'alert' && label) announce.push(label);
    }
    // A node scrolled out of view keeps its last place (it takes no pointer),
    // so scrolling a long table moves only the rows in view (their cells
    // move with them). Moves are transforms: no layout for the page, only
    // for what changed size.
    if (state & OFFSCREEN && rec.box !== null) {
      rec.x = originX + rec.offsetX;
      rec.y = originY + rec.offsetY;
      return;
    }
    var size = n[10] + ',' + n[11];
    if (rec.size !== size) {
      rec.size = size;
      el.style.width = n[10] + 'px';
      el.style.height = n[11] + 'px';
    }
    // A transformed element is the frame its fixed-position children are
    // placed in, so each element is placed from its parent's corner (from
    // the page's, a cell would land at its row's offset twice over, and a
    // finger on a tab would hit the row below it).
    var x = n[8] - originX, y = n[9] - originY;
    var box = x + ',' + y;
    rec.x = n[8];
    rec.y = n[9];
    rec.offsetX = x;
    rec.offsetY = y;
    if (rec.box !== box) {
      rec.box = box;
      el.style.transform = 'translate(' + x + 'px,' + y + 'px)';
    }
  }

  // The whole tree of one frame (sent only when it changed): elements are
  // kept by key, so a frame that moved one button moves one element.
  function update(json) {
    var started = performance.now();
    updates++;
    var tree = JSON.parse(json);
    var nodes = tree.nodes;
    var seen = new Set();
    var els = new Array(nodes.length);
    var lastChild = new Map();   // parent element -> last child placed this frame
    var dialogAppeared = null;
    var listAppeared = null;
    // Elements of nodes that are gone leave first, so the ones that stay
    // are not moved around them (a moved button can lose a click in progress).
    var keep = new Set();
    for (var k = 0; k < nodes.length; k++) keep.add(nodes[k][0]);
    var focusLost = false;
    // The focused element stays focused when only the container it was in is
    // gone (a tab list's key changed): it is put back in its new place below.
    var active = document.activeElement;
    var activeKey = active && active !== root && root.contains(active) && active.dataset.key ? Number(active.dataset.key) : 0;
    records.forEach(function (rec, key) {
      if (!keep.has(key)) {
        if (rec.el.contains(active) && !keep.has(activeKey)) focusLost = true;
        rec.el.remove();
        records.delete(key);
        sent.delete(key);
      }
    });
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i], key = n[0], role = ROLES[n[2]] || 'group';
      if (seen.has(key)) continue;   // the same id drawn twice: keep the first
      seen.add(key);
      var rec = records.get(key);
      var wantMultiline = role === 'textfield' ? !!(n[3] & MULTILINE) : false;
      if (rec && (rec.role !== role || rec.level !== n[4] || rec.multiline !== wantMultiline
        || rec.password !== !!(n[3] & PASSWORD))) {
        rec.el.remove();
        rec = null;
      }
      if (!rec) {
        rec = { el: create(role, n[4], n[3]), role: role, level: n[4], multiline: wantMultiline,
          password: !!(n[3] & PASSWORD), sig: null, box: null, size: null, x: 0, y: 0, offsetX: 0, offsetY: 0 };
        rec.el.dataset.key = String(key);
        records.set(key, rec);
        if (role === 'dialog') dialogAppeared = rec.el;
        if (role === 'listbox') listAppeared = rec.el;
      }
      els[i] = rec.el;
      var parent = n[1] >= 0 && els[n[1]] ? els[n[1]] : root;
      var origin = parent === root ? null : records.get(nodes[n[1]][0]);
      apply(rec, n, origin ? origin.x : 0, origin ? origin.y : 0);
      var previous = lastChild.get(parent) || null;
      var wanted = previous ? previous.nextSibling : parent.firstChild;
      if (rec.el !== wanted || rec.el.parentNode !== parent) parent.insertBefore(rec.el, wanted);
      lastChild.set(parent, rec.el);
    }
    rove();
    if (activeKey && document.activeElement !== active && records.has(activeKey) && records.get(activeKey).el === active)
      active.focus({ preventScroll: true });
    // While a dialog is open, what is behind it cannot be reached or pressed,
    // as Dear ImGui's modal blocks it on the canvas.
    var dialog = root.querySelector('[role=dialog]');
    for (var child = root.firstElementChild; child; child = child.nextElementSibling) {
      var behind = !!dialog && !child.contains(dialog);
      if (child.inert !== behind) child.inert = behind;
    }
    // New alerts are read out once, together, by the live region.
    if (announce.length) {
      announcer.textContent = announce.join('. ');
      announce = [];
    }
    // A combo opened from the keyboard gives focus to its list's chosen
    // option (or the first); when the list closes, focus goes back to the combo.
    var opener = document.activeElement;
    if (listAppeared && opener && root.contains(opener) && opener.getAttribute('aria-haspopup') === 'listbox') {
      var option = listAppeared.querySelector('[role=option][aria-selected=true]') || listAppeared.querySelector('[role=option]');
      if (option) {
        listOwner = keyOf(opener);
        option.focus({ focusVisible: opener.matches(':focus-visible') });
      }
    } else if (focusLost && listOwner && records.has(listOwner)) {
      records.get(listOwner).el.focus({ focusVisible: true });
      listOwner = 0;
      focusLost = false;
    }
    if (dialogAppeared) {
      focusBeforeDialog = root.contains(document.activeElement) ? Number(document.activeElement.dataset.key) : 0;
      var first = dialogAppeared.querySelector('button, input, textarea, a');
      if (first) first.focus({ focusVisible: true });
    } else if (focusLost) {
      var back = focusBeforeDialog && records.get(focusBeforeDialog);
      focusBeforeDialog = null;
      if (back) back.el.focus({ focusVisible: true });
      else call('learnloop_semantics_focus', ['number', 'number'], [0, 0]);
    }
    updateMs += performance.now() - started;
    // A field the app started editing (a form's first field) takes the page's
    // focus, unless a person (or a password manager) is already in another
    // field: the app's frame can lag behind the page's focus, and taking it
    // back would put what they type next into the field they left.
    if (tree.active !== lastActive) {
      lastActive = tree.active;
      var field = tree.active && records.get(tree.active);
      var current = document.activeElement;
      var typing = !!current && root.contains(current) && current.matches('input, textarea');
      if (field && current !== field.el && !typing && !root.querySelector('[role=dialog]')) field.el.focus();
    }
  }

  // [SECTION] groups with one Tab stop ---------------------------------------
  // A tab list and a radio group are one stop for Tab (WAI-ARIA's roving
  // tabindex): the selected tab or checked radio takes it (else the first),
  // and the arrow keys move between the others (see the key filter below).
  var GROUPS = { tablist: 'tab', radiogroup: 'radio' };

  function members(group) {
    var item = GROUPS[group.getAttribute('role')];
    return Array.prototype.filter.call(group.children, function (el) {
      return el.getAttribute('role') === item && !el.disabled;
    });
  }

  function rove() {
    var groups = root.querySelectorAll('[role=tablist], [role=radiogroup]');
    for (var g = 0; g < groups.length; g++) {
      var items = members(groups[g]);
      var current = items.filter(function (el) {
        return el.getAttribute('aria-selected') === 'true' || el.getAttribute('aria-checked') === 'true';
      })[0] || items[0];
      for (var i = 0; i < items.length; i++) {
        var index = items[i] === current ? 0 : -1;
        if (items[i].tabIndex !== index) items[i].tabIndex = index;
      }
    }
  }

  // Arrow keys on a tab or radio move to the next or previous one (wrapping),
  // Home and End to the first and last, and select it, as a click would: a
  // tab shows its page, a radio takes the choice. Tabs in a row take Left and
  // Right; radios take all four arrows. Returns true when the key was used.
  function moveInGroup(el, key) {
    var group = el.parentElement;
    var role = el.getAttribute('role');
    if (!group || !GROUPS[group.getAttribute('role')] || GROUPS[group.getAttribute('role')] !== role) return false;
    var forward = key === 'ArrowRight' || (role === 'radio' && key === 'ArrowDown');
    var back = key === 'ArrowLeft' || (role === 'radio' && key === 'ArrowUp');
    if (!forward && !back && key !== 'Home' && key !== 'End') return false;
    var items = members(group);
    var at = items.indexOf(el);
    if (at < 0 || !items.length) return false;
    var next = key === 'Home' ? 0 : key === 'End' ? items.length - 1
      : (at + (forward ? 1 : -1) + items.length) % items.length;
    var target = items[next];
    for (var i = 0; i < items.length; i++) items[i].tabIndex = items[i] === target ? 0 : -1;
    target.focus();
    if (target !== el) call('learnloop_semantics_activate', ['number'], [keyOf(target)]);
    return true;
  }

  // [SECTION] lists and tables ----------------------------------------------
  // In an open combo's list, Up and Down move between the options, Home and
  // End to the first and last, Enter and Space choose (WAI-ARIA's listbox).
  // A closed combo opens on Down (or Alt+Down). Returns true when the key was used.
  function moveInList(el, e) {
    var key = e.key;
    if (el.getAttribute('aria-haspopup') === 'listbox') {
      if (key !== 'ArrowDown' || el.getAttribute('aria-expanded') === 'true') return false;
      if (!el.disabled) call('learnloop_semantics_activate', ['number'], [keyOf(el)]);
      return true;
    }
    if (el.getAttribute('role') !== 'option') return false;
    if (key === 'Enter' || key === ' ') {
      if (el.getAttribute('aria-disabled') !== 'true') call('learnloop_semantics_activate', ['number'], [keyOf(el)]);
      return true;
    }
    if (key !== 'ArrowDown' && key !== 'ArrowUp' && key !== 'Home' && key !== 'End') return false;
    var options = Array.prototype.slice.call(el.parentElement.querySelectorAll('[role=option]'));
    var at = options.indexOf(el);
    var next = key === 'Home' ? 0 : key === 'End' ? options.length - 1
      : Math.min(Math.max(at + (key === 'ArrowDown' ? 1 : -1), 0), options.length - 1);
    if (options[next] && options[next] !== el) options[next].focus({ focusVisible: true });
    return true;
  }

  // In a table, Up and Down move to the control in the same column of the
  // row above or below (skipping rows without one), Left and Right to the
  // previous or next control in the row, so a long gradebook or list is not
  // a hundred Tab presses. Keys a field needs stay the field's: Left and
  // Right in a text field, every arrow in a multi-line one.
  var CONTROL = 'button, a, input, textarea';
  function controlIn(cell) {
    var found = cell && cell.querySelectorAll(CONTROL);
    for (var i = 0; found && i < found.length; i++) if (!found[i].disabled) return found[i];
    return null;
  }
  function moveInTable(el, key) {
    if (key !== 'ArrowDown' && key !== 'ArrowUp' && key !== 'ArrowLeft' && key !== 'ArrowRight') return false;
    var cell = el.closest('[role=cell], [role=columnheader]');
    var row = cell && cell.parentElement;
    if (!row || row.getAttribute('role') !== 'row' || !root.contains(row)) return false;
    if (el.tagName === 'TEXTAREA') return false;
    if (el.tagName === 'INPUT' && (key === 'ArrowLeft' || key === 'ArrowRight')) return false;
    var target = null;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      var controls = Array.prototype.filter.call(row.querySelectorAll(CONTROL), function (c) { return !c.disabled; });
      target = controls[controls.indexOf(el) + (key === 'ArrowRight' ? 1 : -1)] || null;
    } else {
      var column = Array.prototype.indexOf.call(row.children, cell);
      for (var r = key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling; r && !target;
        r = key === 'ArrowDown' ? r.nextElementSibling : r.previousElementSibling) {
        if (r.getAttribute('role') === 'row') target = controlIn(r.children[column]);
      }
    }
    if (target) target.focus({ focusVisible: true });
    return true;
  }

  // [SECTION] from the page to the app ---------------------------------------

  function sendText(el) {
    var key = keyOf(el);
    if (!key) return;
    var value = el.value;
    var start = encoder.encode(value.slice(0, el.selectionStart || 0)).length;
    var end = encoder.encode(value.slice(0, el.selectionEnd || 0)).length;
    var sig = value + '\u0001' + start + ',' + end;
    if (el.dataset.sent === sig) return;
    el.dataset.sent = sig;
    sent.set(key, value);
    call('learnloop_semantics_text', ['number', 'string', 'number', 'number'], [key, value, start, end]);
  }

  root.addEventListener('focusin', function (e) {
    var key = keyOf(e.target);
    if (key) call('learnloop_semantics_focus', ['number', 'number'], [key, e.target.matches(':focus-visible') ? 1 : 0]);
  });
  root.addEventListener('focusout', function (e) {
    if (!e.relatedTarget || !root.contains(e.relatedTarget))
      call('learnloop_semantics_focus', ['number', 'number'], [0, 0]);
  });
  root.addEventListener('click', function (e) {
    var el = e.target.closest('[data-key]');
    if (!el || el.matches('input, textarea')) return;
    e.preventDefault();
    if (!el.disabled) call('learnloop_semantics_activate', ['number'], [keyOf(el)]);
  });
  root.addEventListener('input', function (e) {
    if (!e.isComposing) sendText(e.target);
  });
  root.addEventListener('compositionend', function (e) { sendText(e.target); });
  document.addEventListener('selectionchange', function () {
    var el = document.activeElement;
    if (el && root.contains(el) && el.matches('input, textarea')) sendText(el);
  });
  // The pointer's position still reaches the app (hover), and so does the wheel.
  var canvas = document.getElementById('canvas');
  root.addEventListener('mousemove', function (e) { canvas.dispatchEvent(new MouseEvent('mousemove', e)); });
  root.addEventListener('wheel', function (e) {
    e.preventDefault();
    canvas.dispatchEvent(new WheelEvent('wheel', e));
  }, { passive: false });

  // Keys typed into the page's tree belong to it (Tab moves focus, a field
  // takes its text, Enter and Space press a button); only Enter in a one-line
  // field and Escape also reach the app, which submits forms and closes
  // dialogs on them. Registered before the app's handlers (capture, window).
  function inTree() {
    var el = document.activeElement;
    return el && el !== document.body && root.contains(el) ? el : null;
  }
  window.addEventListener('keydown', function (e) {
    var el = inTree();
    if (e.key === 'Tab') { e.stopImmediatePropagation(); return; }
    if (!el) return;
    if (e.key === 'Escape') return;
    if (moveInGroup(el, e.key) || moveInList(el, e) || moveInTable(el, e.key)) {
      e.preventDefault(); e.stopImmediatePropagation(); return;
    }
    if (e.key === 'Enter' && el.tagName === 'INPUT') return;
    e.stopImmediatePropagation();
  }, true);
  window.addEventListener('keypress', function (e) {
    if (inTree() || e.key === 'Tab') e.stopImmediatePropagation();
  }, true);

  window.learnloopSemantics = {
    update: update,
    updates: function () { return updates; },
    updateMs: function () { return updateMs; },
  };
})();
