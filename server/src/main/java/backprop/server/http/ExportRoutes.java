package backprop.server.http;

import backprop.engine.export.NumpyExport;
import backprop.engine.train.Trainer;
import backprop.server.experiments.ExperimentCache;
import backprop.server.experiments.ExperimentService;
import backprop.server.experiments.SavedRun;
import backprop.server.problems.ApiError;
import backprop.server.problems.Problem;
import backprop.ui.files.ExportFormat;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * A saved experiment's exports ({@link ExportFormat}), written from its saved state (its initial
 * weights when it was saved without one), as downloads:
 * <ul>
 *   <li>{@code GET /api/experiments/{id}/numpy.py[?epochs=N]}: the NumPy script,
 *       {@code text/x-python};</li>
 *   <li>{@code GET /api/experiments/{id}/pytorch.py[?epochs=N]}: the PyTorch script (422 when the
 *       network has a composed activation, which PyTorch has no module for);</li>
 *   <li>{@code GET /api/experiments/{id}/points.csv}: the points, {@code text/csv};</li>
 *   <li>{@code GET /api/experiments/{id}/weights.json}: the weights and biases per layer.</li>
 * </ul>
 * Each says {@code Content-Disposition: attachment; filename="backprop-<id>-<file>"} and may be
 * cached like the experiment's JSON; 404 / 410 as the API; a bad {@code epochs} is a 400 naming
 * the range.
 */
final class ExportRoutes {
    private final ExperimentService service;

    private ExportRoutes(ExperimentService service) {
        this.service = service;
    }

    static void register(RoutesConfig routes, ExperimentService service) {
        ExportRoutes r = new ExportRoutes(service);
        for (ExportFormat format : ExportFormat.values()) {
            routes.get("/api/experiments/{id}/" + format.fileSuffix(), ctx -> r.export(ctx, format));
        }
    }

    private void export(Context ctx, ExportFormat format) {
        int epochs = format.isScript() ? epochs(ctx.queryParam("epochs")) : 0;
        if (!format.isScript() && ctx.queryParam("epochs") != null) {
            throw ApiError.badRequest("epochs: applies to numpy.py and pytorch.py only, not to " + format.fileSuffix());
        }
        ExperimentCache.Entry entry = service.findCached(ctx.pathParam("id")); // 404 / 410 as JSON
        String id = entry.experiment().id();
        byte[] text = entry.answer("export " + format.key() + " " + epochs, () -> write(entry, format, epochs));
        ctx.header("Cache-Control", ExperimentRoutes.API_CACHE_CONTROL);
        ctx.header("Content-Disposition", "attachment; filename=\"" + format.fileName(id) + "\"");
        ctx.contentType(format.contentType()).result(text);
    }

    private static byte[] write(ExperimentCache.Entry entry, ExportFormat format, int epochs) {
        Trainer trainer = SavedRun.saved(entry.experiment());
        String problem = format.problem(trainer);
        if (problem != null) {
            throw ApiError.unprocessable(format.fileSuffix() + ": " + problem);
        }
        return format.write(trainer, epochs).getBytes(StandardCharsets.UTF_8);
    }

    private static int epochs(String text) {
        if (text == null || text.isEmpty()) {
            return ExportFormat.DEFAULT_EPOCHS;
        }
        String allowed = "; allowed: an integer from 1 to " + NumpyExport.MAX_EPOCHS + " (default "
                + ExportFormat.DEFAULT_EPOCHS + ")";
        try {
            int epochs = Integer.parseInt(text);
            if (epochs < 1 || epochs > NumpyExport.MAX_EPOCHS) {
                throw ApiError.badRequest("epochs: " + epochs + " is out of range" + allowed);
            }
            return epochs;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("epochs: \"" + Problem.shorten(text) + "\" is not an integer" + allowed);
        }
    }
}
