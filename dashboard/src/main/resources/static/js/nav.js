/*
 * The menu button of a narrow screen: it folds the page links and the user's links (Change password, Sign out) away
 * and brings them back. Loaded with the navigation on every page; without it the links simply stay open.
 */
(() => {
  'use strict';
  const bar = document.querySelector('.topbar');
  const button = document.getElementById('menu-toggle');
  if (!bar || !button) return;
  bar.classList.add('menu-ready');
  const set = open => {
    bar.classList.toggle('menu-open', open);
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => set(!bar.classList.contains('menu-open')));
  document.addEventListener('keydown', e => {
    if (e.key === 'Escape' && bar.classList.contains('menu-open')) {
      set(false);
      button.focus();
    }
  });
})();
