using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Indicators;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Indicators;

public static class IndicatorsApi
{
    public static void MapIndicatorsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var indicators = api.MapGroup("/indicators").WithTags("Indicators");

        indicators.MapGet("/", async Task<Ok<Board>> ([Range(InputBounds.FirstYear, InputBounds.LastYear)] int? year, DubanDb db, WorkContext work, CancellationToken ct) =>
            TypedResults.Ok(await IndicatorQueries.BoardAsync(db, await work.ScopeAsync(ct), year ?? work.Today.Year, ct)))
            .Requires(Permission.Read);

        indicators.MapPost("/import", ImportAsync)
            .Accepts<IndicatorImportForm>("multipart/form-data")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(LedgerFiles.LedgerFile.MaxBytes + (1024 * 1024)), new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = LedgerFiles.LedgerFile.MaxBytes + (1024 * 1024) })
            .Requires(Permission.RecordIndicators);

        indicators.MapGet("/export", async Task<IResult> ([Range(InputBounds.FirstYear, InputBounds.LastYear)] int? year, IndicatorExport export, WorkContext work, HttpContext http, CancellationToken ct) =>
        {
            var y = year ?? work.Today.Year;
            var scope = await work.ScopeAsync(ct);
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"indicators-{y}.xlsx\"; filename*=UTF-8''{Uri.EscapeDataString($"{y}年主要经济指标.xlsx")}";
            http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();

            // The workbook is zipped as it is written, through synchronous streams: allow them for this response only.
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body)
            {
                body.AllowSynchronousIO = true;
            }

            await export.WriteAsync(http.Response.Body, scope, y, work.Today, ct);
            return Results.Empty;
        }).Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .Requires(Permission.ExportLedgers);

        indicators.MapGet("/catalogue", async Task<Ok<List<IndicatorDto>>> (DubanDb db, WorkContext work, CancellationToken ct) =>
            TypedResults.Ok(await IndicatorQueries.CatalogueAsync(db, (await work.ScopeAsync(ct)).RegionId, ct)))
            .Requires(Permission.Read);

        indicators.MapGet("/{id:int}", async Task<Results<Ok<IndicatorDetailDto>, NotFound>> (int id, [Range(InputBounds.FirstYear, InputBounds.LastYear)] int? year, [Range(1, int.MaxValue)] int? unitId, DubanDb db, WorkContext work, CancellationToken ct) =>
        {
            var scope = await work.ScopeAsync(ct);
            var settings = await SettingsAsync(db, scope.RegionId, ct);
            return await IndicatorQueries.DetailAsync(db, scope, id, year ?? work.Today.Year, unitId, settings, work.Zone, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();
        }).Requires(Permission.Read);

        indicators.MapGet("/{id:int}/comparison", async Task<Results<Ok<Comparison>, NotFound>> (int id, [Range(InputBounds.FirstYear, InputBounds.LastYear)] int? year, [Range(1, 12)] int? periodTo, [MaxLength(20)] string? rankBy, DubanDb db, WorkContext work, CancellationToken ct) =>
            await IndicatorQueries.CompareAsync(db, await work.ScopeAsync(ct), id, year ?? work.Today.Year, periodTo, rankBy, ct) is { } comparison ? TypedResults.Ok(comparison) : TypedResults.NotFound())
            .Requires(Permission.Read);

        indicators.MapPost("/", async Task<Results<Created<IndicatorDto>, ValidationProblem, NotFound>> (IndicatorInput input, IndicatorActions actions, DubanDb db, CancellationToken ct) =>
        {
            var outcome = await actions.SaveAsync(null, input, ct);
            return outcome.Kind == OutcomeKind.Ok
                ? TypedResults.Created($"/api/v1/indicators/{outcome.Value!.Id}", (await IndicatorQueries.CatalogueAsync(db, outcome.Value.RegionId, ct)).First(i => i.Id == outcome.Value.Id))
                : outcome.Kind == OutcomeKind.Invalid ? TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()) : TypedResults.NotFound();
        }).Requires(Permission.EditWork);

        indicators.MapPut("/{id:int}", async Task<Results<Ok<IndicatorDto>, ValidationProblem, NotFound>> (int id, IndicatorInput input, IndicatorActions actions, DubanDb db, CancellationToken ct) =>
        {
            var outcome = await actions.SaveAsync(id, input, ct);
            return outcome.Kind == OutcomeKind.Ok
                ? TypedResults.Ok((await IndicatorQueries.CatalogueAsync(db, outcome.Value!.RegionId, ct)).First(i => i.Id == id))
                : outcome.Kind == OutcomeKind.Invalid ? TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()) : TypedResults.NotFound();
        }).Requires(Permission.EditWork);

        indicators.MapPut("/{id:int}/targets", async Task<Results<Ok<TargetDto>, ValidationProblem, NotFound>> (int id, TargetInput input, IndicatorActions actions, CancellationToken ct) =>
            (await actions.SetTargetAsync(id, input, ct)).ToOk(IndicatorQueries.ToDto))
            .Requires(Permission.EditWork);

        indicators.MapPost("/{id:int}/values", async Task<Results<Created<RevisionRow>, ValidationProblem, NotFound>> (int id, ValueInput input, IndicatorActions actions, CancellationToken ct) =>
            (await actions.RecordAsync(id, input, ct)).ToCreated(
                v => new RevisionRow(v.Id, v.PeriodTo, v.PeerName, v.Value, v.Yoy, v.Revision, v.RecordedAt, v.Source),
                v => $"/api/v1/indicators/{id}?year={v.Year}"))
            .Requires(Permission.RecordIndicators);
    }

    /// <summary>A statistics table over the API: a dry run by default; dryRun=false writes it when nothing is wrong (422 when something is, and for a file that is not a workbook).</summary>
    private static async Task<IResult> ImportAsync(HttpRequest request, ImportIndicators import, WorkContext work, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.RecordIndicators);
        var (upload, errors) = await LedgerFiles.ImportUpload.ReadAsync(request, l, ct);
        var form = upload?.Form;
        int? year = null;
        if (form?["year"] is { Count: > 0 } yearText)
        {
            year = int.TryParse(yearText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= InputBounds.FirstYear and <= InputBounds.LastYear ? y : null;
            if (year is null)
            {
                errors.Add("year", l["Validation.Range", InputBounds.FirstYear, InputBounds.LastYear]);
            }
        }

        var revision = Revision.Flash;
        // One of the names exactly: Enum.TryParse would also take "Flash,Preliminary" and numbers.
        if (form?["revision"] is { Count: > 0 } revisionText && !(Enum.GetNames<Revision>().Contains(revisionText.ToString(), StringComparer.Ordinal) && Enum.TryParse(revisionText.ToString(), out revision)))
        {
            errors.Add("revision", l["Validation.Invalid"]);
        }

        if (errors.Any || upload is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await import.RunAsync(new IndicatorImporter(scope.RegionId, work.ActorName, work.Today, work.UtcNow),
            new IndicatorImportRequest(upload.FileName, upload.Content, year, revision), commit: !upload.DryRun, ct);
        return LedgerFiles.ImportUpload.Answer(result.ToJson().ToJsonString(LedgerFiles.ImportJson.Print), result.FileError is not null, upload.DryRun, result.Written);
    }

    public static async Task<LightSettings> SettingsAsync(DubanDb db, int regionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await db.RegionLightSettings.AsNoTracking().FirstOrDefaultAsync(s => s.RegionId == regionId, ct);
        return row?.ToSettings() ?? LightSettings.Default;
    }
}

/// <summary>A statistics table upload over the API.</summary>
public sealed class IndicatorImportForm
{
    public IFormFile? File { get; set; }
    public int? Year { get; set; }
    public Revision? Revision { get; set; }
    public bool? DryRun { get; set; }
}
