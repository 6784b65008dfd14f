using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.LedgerFiles;

public static class LedgerFilesApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapLedgerFilesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);

        // Upload a ledger: a dry run (the default) answers what would be written; dryRun=false writes it in one transaction.
        api.MapPost("/imports", async Task<IResult> (HttpRequest request, ImportSession session, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [l["LedgerFiles.FileRequired"]] });
            }

            var data = await request.ReadFormAsync(ct);

            // A value given but unreadable is refused, not taken as absent: dryRun=no must not mean a dry run's opposite by accident.
            var unreadable = new ValidationErrors();
            var form = new ImportForm
            {
                File = data.Files.GetFile("file"),
                Kind = data["kind"],
                LedgerId = Field(data, "ledgerId", s => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : (int?)null, unreadable, l),
                DryRun = Field(data, "dryRun", s => bool.TryParse(s, out var b) ? b : (bool?)null, unreadable, l),
                CreateMissing = Field(data, "createMissing", s => bool.TryParse(s, out var b) ? b : (bool?)null, unreadable, l),
            };
            if (unreadable.Any)
            {
                return TypedResults.ValidationProblem(unreadable.ToDictionary());
            }

            var kind = KindOf(form.Kind);
            if (kind is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [l["Validation.Invalid"]] });
            }

            var upload = await session.UploadAsync(kind.Value, form.LedgerId, form.File, form.CreateMissing ?? false, ct);
            if (upload.Kind != OutcomeKind.Ok)
            {
                return TypedResults.ValidationProblem(upload.Errors!.ToDictionary());
            }

            var batch = upload.Value!;
            if (form.DryRun ?? true)
            {
                var preview = await session.PreviewAsync(batch, ct);
                return Results.Text(ImportJson.Of(preview, null, l).ToJsonString(ImportJson.Print), "application/json; charset=utf-8");
            }

            var (checkedPreview, result) = await session.CommitAsync(batch, ct);
            var json = ImportJson.Of(checkedPreview, result, l).ToJsonString(ImportJson.Print);
            return result is null
                ? Results.Text(json, "application/json; charset=utf-8", statusCode: StatusCodes.Status422UnprocessableEntity)
                : Results.Text(json, "application/json; charset=utf-8");
        })
        .Accepts<ImportForm>("multipart/form-data")
        .WithMetadata(new RequestSizeLimitAttribute(LedgerFile.MaxBytes + (1024 * 1024)), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = LedgerFile.MaxBytes + (1024 * 1024) })
        .WithTags("Ledgers")
            .Requires(Permission.ImportLedgers);

        // The ledger as .xlsx in the office's layout, with only the items the caller may see.
        api.MapGet("/ledgers/{id:int}/export", async Task<IResult> (int id, string? kind, DubanDb db, ScopeAccessor scopes, WorkContext work, LedgerExport export, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var ledger = await db.Ledgers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.RegionId == scope.RegionId, ct);
            if (ledger is null)
            {
                return TypedResults.NotFound();
            }

            if (!string.IsNullOrEmpty(kind) && KindOf(kind) is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [l["Validation.Invalid"]] });
            }

            var itemKind = KindOf(kind) ?? (await db.WorkItems.AnyAsync(w => w.LedgerId == id && w.Kind == WorkItemKind.KeyProject, ct) ? WorkItemKind.KeyProject : WorkItemKind.Task);
            http.Response.ContentType = XlsxType;
            http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = "ledger.xlsx" }.ToString() + "; filename*=UTF-8''" + Uri.EscapeDataString(LedgerExport.FileName(ledger, work.Today));
            http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();

            // The workbook is zipped as it is written, through synchronous streams: allow them for this response only.
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>() is { } body)
            {
                body.AllowSynchronousIO = true;
            }

            await export.WriteAsync(http.Response.Body, ledger, scope, itemKind, work.Today, ct);
            return Results.Empty;
        })
        .WithTags("Ledgers")
            .Requires(Permission.ExportLedgers);
    }

    private static T? Field<T>(IFormCollection form, string name, Func<string, T?> read, ValidationErrors errors, IStringLocalizer l)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(form[name]))
        {
            return null;
        }

        var value = read(form[name].ToString().Trim());
        if (value is null)
        {
            errors.Add(name, l["Validation.Invalid"]);
        }

        return value;
    }

    public static WorkItemKind? KindOf(string? kind) => kind?.ToLowerInvariant() switch
    {
        "tasks" or "task" => WorkItemKind.Task,
        "projects" or "project" or "keyproject" => WorkItemKind.KeyProject,
        _ => null,
    };
}

/// <summary>A ledger upload over the API.</summary>
public sealed class ImportForm
{
    public IFormFile? File { get; set; }

    /// <summary>tasks or projects.</summary>
    public string? Kind { get; set; }

    public int? LedgerId { get; set; }
    public bool? DryRun { get; set; }
    public bool? CreateMissing { get; set; }
}
