/** The user journeys in a real Chromium against the packaged jar, their page objects, and the page benchmark and screenshot helpers. */
package backprop.e2e;
