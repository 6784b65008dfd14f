// What the views ask of the browser, by data- attributes: the Content-Security-Policy allows no inline
// script or event handler (docs/decisions/0014), so this file does what onchange= and onclick= did.
(function () {
  'use strict';

  // <select data-submit-on-change>: a filter that applies as soon as it is chosen.
  document.addEventListener('change', function (e) {
    var field = e.target.closest && e.target.closest('[data-submit-on-change]');
    if (field && field.form) {
      field.form.submit();
    }
  });

  document.addEventListener('click', function (e) {
    if (!e.target.closest) {
      return;
    }

    // <button data-confirm="…">: asks first; the form goes only if the person agrees.
    var asking = e.target.closest('[data-confirm]');
    if (asking && !window.confirm(asking.getAttribute('data-confirm'))) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }

    if (e.target.closest('[data-print]')) {
      e.preventDefault();
      window.print();
    }
  });
})();
