// Below ~900 px the three renderings (Slack, Teams, plain text) are shown one at a time behind tabs, so a phone
// does not scroll through all three to reach the last. Wide screens keep them side by side and the tabs hidden.
// WAI-ARIA tabs: role=tablist/tab/tabpanel, aria-selected, one tab in the Tab order, arrows, Home and End move
// between tabs and show the one reached.

/** The width at or below which one rendering is shown at a time (matches style.css). */
export const NARROW = '(max-width: 900px)';

/**
 * Wires the tab list to its panels.
 * @param {HTMLElement} tablist element with role=tablist whose buttons have role=tab and aria-controls
 * @param {MediaQueryList} narrow when it matches, one panel is shown at a time
 */
export function setUpTabs(tablist, narrow) {
  const tabs = /** @type {HTMLButtonElement[]} */ ([...tablist.querySelectorAll('[role="tab"]')]);
  const panelOf = (tab) => /** @type {HTMLElement} */ (document.getElementById(tab.getAttribute('aria-controls')));
  let selected = tabs.find((t) => t.getAttribute('aria-selected') === 'true') ?? tabs[0];

  function apply() {
    const on = narrow.matches;
    tablist.hidden = !on;
    for (const tab of tabs) {
      const panel = panelOf(tab);
      const isSelected = tab === selected;
      tab.setAttribute('aria-selected', String(isSelected));
      tab.tabIndex = isSelected ? 0 : -1;
      if (on) {
        panel.setAttribute('role', 'tabpanel');
        panel.setAttribute('aria-labelledby', tab.id);
        panel.hidden = !isSelected;
      } else {
        // side by side: plain articles titled by their own headings
        panel.removeAttribute('role');
        panel.setAttribute('aria-labelledby', panel.querySelector('h3')?.id ?? tab.id);
        panel.hidden = false;
      }
    }
  }

  function select(tab, focus) {
    selected = tab;
    apply();
    if (focus) tab.focus();
  }

  for (const tab of tabs) tab.addEventListener('click', () => select(tab, false));
  tablist.addEventListener('keydown', (event) => {
    const at = tabs.indexOf(/** @type {HTMLButtonElement} */ (event.target));
    if (at === -1) return;
    const next = {
      ArrowRight: (at + 1) % tabs.length,
      ArrowLeft: (at - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[next], true);
  });
  narrow.addEventListener('change', apply);
  apply();
}
