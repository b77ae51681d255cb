/**
 * Store-visit attribution math (SPEC §2 "Store-visit attribution" and "Precise rules: Markov attribution"):
 * plain Java, no Spark. A Spark job finds the influenced visits ({@link io.showmetrics.core.attribution.Journey})
 * and the Markov paths ({@link io.showmetrics.core.attribution.Path}); the classes here share each visit's credit
 * of 1 among its shows:
 * <ul>
 *   <li>{@link io.showmetrics.core.attribution.RuleBased}: last_touch, first_touch, linear, time_decay;</li>
 *   <li>{@link io.showmetrics.core.attribution.MarkovModel}: first-order Markov chain, exact absorbing-chain
 *       solve, credit by removal effect, linear fallback when no show has a removal effect;</li>
 *   <li>{@link io.showmetrics.core.attribution.Attribution}: the 7-day window, the 2-day half-life, path building
 *       for one customer, credit for many journeys and totals per show.</li>
 * </ul>
 * Degenerate input (no paths, no converted path, a journey with shows unknown to the chain or no touch in its
 * window) returns a documented result, never an exception or NaN. Formulas: {@code docs/attribution.md}.
 */
package io.showmetrics.core.attribution;
