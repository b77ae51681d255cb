/* Planner page: the form -> /api/experiments/planner -> customers per arm and shows, answered in one sentence. */
(() => {
  'use strict';
  const { fmt, el } = SM;
  const main = document.getElementById('planner-page');
  const form = document.getElementById('planner-form');
  const headline = document.getElementById('planner-headline');
  const facts = document.getElementById('planner-facts');
  const value = id => Number(document.getElementById(id).value) / 100;
  let pending = 0;

  async function update() {
    const ticket = ++pending;
    const params = new URLSearchParams({ baseline: value('baseline'), lift: value('lift'), split: value('split'),
      alpha: value('alpha'), power: value('power') });
    try {
      const plan = await SM.getJson(`/api/experiments/planner?${params}`);
      if (ticket !== pending) return;
      const shows = plan.shows === null ? 'no recent show has identified viewers to estimate the shows it takes'
        : `about ${fmt.count(plan.shows)} show${plan.shows === 1 ? '' : 's'} at ${fmt.count(Math.round(plan.audiencePerShow))} identified viewers each`;
      headline.replaceChildren(el('b', { id: 'planner-total' }, `${fmt.count(plan.totalCustomers)} customers`),
        ` to detect ${plan.lift > 0 ? '+' : ''}${(plan.lift * 100).toFixed(1)}% on a ${(plan.baseline * 100).toFixed(2)}% conversion: `,
        el('span', { id: 'planner-shows' }, shows), '.');
      const fact = (label, v, id) => el('span', {}, `${label} `, el('b', { id }, v));
      facts.replaceChildren(fact('Control', fmt.count(plan.controlCustomers), 'planner-control'),
        fact('Treatment', fmt.count(plan.treatmentCustomers), 'planner-treatment'),
        fact('Usual audience', plan.audiencePerShow === null ? SM.DASH
          : `${fmt.count(Math.round(plan.audiencePerShow))} (median of ${plan.audienceShows} shows)`, 'planner-audience'));
      main.dataset.state = 'answered';
    } catch (error) {
      if (ticket !== pending) return;
      headline.replaceChildren(el('span', { class: 'error', id: 'planner-error' }, error.message.replace(/^Could not load [^:]+: /, '')));
      facts.replaceChildren();
      main.dataset.state = 'error';
    }
    main.dataset.ready = 'true';
  }

  form.addEventListener('input', update);
  form.addEventListener('submit', event => { event.preventDefault(); update(); });
  update();
})();
