/**
 * Challenges, without HTTP or the DOM: the rules a course sets (locked spec keys, constraints, a
 * goal), the checks of a starting experiment and of an attempt against them, their compact text
 * form for the page, the instructions' markup and the student page's goal progress. The server
 * validates and verifies with the same code the page enforces with.
 */
package backprop.ui.challenge;
