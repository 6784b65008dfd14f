using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Indicators;
using Duban.Domain.LedgerFiles;
using Duban.Domain.Work;
using Duban.Web.Features.LedgerFiles;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Indicators;

/// <summary>
/// Upload the bureau's monthly table, see every row read and every issue, then import it. The file waits between
/// the two as a draft import batch, so any app node can commit it; nothing is written to the indicators before.
/// </summary>
[Requires(Permission.RecordIndicators)]
[RequestSizeLimit(LedgerFile.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = LedgerFile.MaxBytes + (1024 * 1024))]
public sealed class ImportModel(DubanDb db, WorkContext work, ImportIndicators import, IStringLocalizer<SharedResource> l) : PageModel
{
    public IndicatorImportResult? Result { get; private set; }
    public int? BatchId { get; private set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public Revision Revision { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.RecordIndicators);
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", l["Indicators.NoFile"]);
            return Page();
        }

        if (Year is not null and (< InputBounds.FirstYear or > InputBounds.LastYear) || !Enum.IsDefined(Revision))
        {
            ModelState.AddModelError(nameof(Year), l["Validation.Range", InputBounds.FirstYear, InputBounds.LastYear]);
            return Page();
        }

        if (file.Length > LedgerFile.MaxBytes)
        {
            ModelState.AddModelError("file", l["Import.File.TooLarge"]);
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var name = Path.GetFileName(file.FileName);
        Result = await import.RunAsync(Importer(scope.RegionId), new IndicatorImportRequest(name, buffer.ToArray(), Year, Revision), commit: false, ct);
        if (Result.FileError is null && Result.Errors == 0 && Result.Figures > 0)
        {
            var batch = new ImportBatch
            {
                RegionId = scope.RegionId,
                Kind = WorkItemKind.Indicator,
                FileName = name,
                Content = buffer.ToArray(),
                Status = ImportStatus.Draft,
                CreatedAt = work.UtcNow,
                CreatedById = work.AccountId,
                CreatedByName = work.ActorName,
                ColumnsJson = System.Text.Json.JsonSerializer.Serialize(new BatchChoices(Year, Revision)),
            };
            db.ImportBatches.Add(batch);
            await db.SaveChangesAsync(ct);
            BatchId = batch.Id;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(int batchId, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.RecordIndicators);
        var batch = await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == batchId && b.RegionId == scope.RegionId && b.Kind == WorkItemKind.Indicator && b.Status == ImportStatus.Draft, ct);
        if (batch is null)
        {
            return NotFound();
        }

        var choices = System.Text.Json.JsonSerializer.Deserialize<BatchChoices>(batch.ColumnsJson ?? "{}") ?? new BatchChoices(null, Revision.Flash);
        (Year, Revision) = (choices.Year, choices.Revision);
        Result = await import.RunAsync(Importer(scope.RegionId), new IndicatorImportRequest(batch.FileName, batch.Content, choices.Year, choices.Revision), commit: true, ct);
        if (Result.Written)
        {
            batch.Status = ImportStatus.Committed;
            batch.CommittedAt = work.UtcNow;
            batch.ResultJson = Result.ToJson().ToJsonString();
            await db.SaveChangesAsync(ct);
            TempData["Flash"] = l["Indicators.ImportWritten", Result.Figures, Result.Targets].Value;
            return Redirect("/Indicators" + (Result.Year is { } y ? $"?year={y}" : string.Empty));
        }

        return Page();
    }

    private IndicatorImporter Importer(int regionId) => new(regionId, work.ActorName, work.Today, work.UtcNow);

    private sealed record BatchChoices(int? Year, Revision Revision);
}
