// Starts the app: checks WebGL2, loads app.js/app.wasm, hides the loading
// indicator at the first frame and exposes window.learnloop for tests.
(function () {
  'use strict';
  var started = performance.now();
  var loading = document.getElementById('loading');

  function showProblem(text) {
    loading.classList.add('done');
    document.getElementById('problem-text').textContent = text;
    document.getElementById('problem').hidden = false;
    window.learnloop.problem = text;
  }

  window.learnloop = {
    ready: false,
    problem: null,
    firstFrameMs: null,
    // Read-only view of the app's state: screen, health, form errors, last network result.
    state: function () {
      if (!window.learnloop.ready) return null;
      return JSON.parse(Module.ccall('learnloop_state_json', 'string', [], []));
    },
    // The code points of `text` the app's font atlas cannot draw yet (docs/fonts.md).
    glyphsMissing: function (text) {
      if (!window.learnloop.ready) return null;
      return JSON.parse(Module.ccall('learnloop_glyphs_missing', 'string', ['string'], [text]));
    },
    // Which font slices the app asked for and whether they arrived.
    fontStatus: function () {
      if (!window.learnloop.ready) return null;
      return JSON.parse(Module.ccall('learnloop_font_status', 'string', [], []));
    }
  };

  window.learnloopFirstFrame = function () {
    window.learnloop.firstFrameMs = performance.now() - started;
    window.learnloop.ready = true;
    loading.classList.add('done');
    // Keep the app's files for reloads without the network (web/sw.js);
    // registered after the first frame so it never delays it.
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('sw.js').catch(function (error) {
        console.warn('offline copy unavailable: ' + error);
      });
    }
  };

  var probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) {
    showProblem('Your browser does not support WebGL2, which Learnloop needs to draw its screens. ' +
      'Please use a current version of Chrome, Edge, Firefox or Safari, or turn on hardware acceleration.');
    return;
  }

  // The build id (stamped in when the bundle is assembled) ties app.js and
  // app.wasm together, also in the offline copy (sw.js).
  var build = '@LEARNLOOP_BUILD@';

  window.Module = {
    canvas: document.getElementById('canvas'),
    locateFile: function (path) { return path + '?v=' + build; },
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onAbort: function (what) { showProblem('Learnloop stopped unexpectedly (' + what + '). Please reload the page.'); }
  };
  document.getElementById('canvas').addEventListener('contextmenu', function (e) { e.preventDefault(); });

  // Input wakes the app's frame pacer (client-wasm/ui/pacing.hpp): a still
  // screen is drawn a few times a second, one in use at the full rate.
  function wake() {
    if (Module.calledRun && Module['_learnloop_wake']) Module['_learnloop_wake']();
  }
  ['pointerdown', 'pointermove', 'pointerup', 'pointercancel', 'mousedown', 'mousemove', 'mouseup', 'wheel',
    'keydown', 'keyup', 'touchstart', 'touchmove', 'touchend', 'touchcancel', 'focus', 'blur', 'resize',
    'hashchange', 'popstate', 'input', 'paste', 'compositionupdate'].forEach(function (type) {
    window.addEventListener(type, wake, { capture: true, passive: true });
  });
  document.addEventListener('visibilitychange', wake);

  var script = document.createElement('script');
  script.src = 'app.js?v=' + build;
  script.onerror = function () { showProblem('The application could not be downloaded. Check your connection and reload.'); };
  document.body.appendChild(script);
})();
