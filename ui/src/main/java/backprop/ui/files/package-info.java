/**
 * Files the playground hands out and takes in, the same on the page and on the server: the
 * exports of an experiment ({@link backprop.ui.files.ExportFormat}) and the experiment file
 * ({@link backprop.ui.files.ExperimentFile}).
 */
package backprop.ui.files;
