/**
 * The API's error shape: {@link backprop.server.problems.ApiError} (a status and a message, written
 * as {@code {"error": ...}}) and {@link backprop.server.problems.Problem} (one invalid field).
 */
package backprop.server.problems;
