using System.Globalization;
using System.Text.Json;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.LedgerFiles;
using Duban.Domain.Work;
using Duban.Sheets.Ledgers;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.LedgerFiles;

/// <summary>The upload → check → confirm flow on the office's screen, over an <see cref="ImportBatch"/> kept in the database.</summary>
public sealed class ImportSession(DubanDb db, LedgerImport import, WorkContext work, IStringLocalizer<SharedResource> l)
{
    public async Task<ImportActor> ActorAsync(CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.ImportLedgers);
        return new ImportActor(scope.RegionId, work.AccountId, work.ActorName, work.Today, work.UtcNow, work.Zone);
    }

    /// <summary>Checks the upload itself (present, a known type, not too large) and keeps it as a draft. Nothing else is written.</summary>
    public async Task<Outcome<ImportBatch>> UploadAsync(WorkItemKind kind, int? ledgerId, IFormFile? file, bool createMissing, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (file is null || file.Length == 0)
        {
            errors.Add("File", l["LedgerFiles.FileRequired"]);
        }
        else if (!LedgerFile.Extensions.Contains(Path.GetExtension(file.FileName).ToLowerInvariant()))
        {
            errors.Add("File", l["LedgerFiles.FileType"]);
        }
        else if (file.Length > LedgerFile.MaxBytes)
        {
            errors.Add("File", l["Import.File.TooLarge"]);
        }

        if (kind is not (WorkItemKind.Task or WorkItemKind.KeyProject))
        {
            errors.Add("Kind", l["Validation.Invalid"]);
        }

        var actor = await ActorAsync(ct);
        if (ledgerId is not null && !await db.Ledgers.AnyAsync(x => x.Id == ledgerId && x.RegionId == actor.RegionId && !x.IsArchived, ct))
        {
            errors.Add("LedgerId", l["Tasks.LedgerNotFound"]);
        }

        if (errors.Any)
        {
            return Outcome<ImportBatch>.Invalid(errors);
        }

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var name = Path.GetFileName(file.FileName);
        var batch = new ImportBatch
        {
            RegionId = actor.RegionId,
            Kind = kind,
            LedgerId = ledgerId,
            FileName = name.Length > 260 ? name[^260..] : name,
            Content = buffer.ToArray(),
            CreateMissing = createMissing,
            CreatedAt = actor.UtcNow,
            CreatedById = actor.AccountId,
            CreatedByName = actor.Name,
        };
        db.ImportBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        return Outcome<ImportBatch>.Ok(batch);
    }

    public async Task<ImportBatch?> FindAsync(int id, CancellationToken ct)
    {
        var actor = await ActorAsync(ct);
        return await db.ImportBatches.FirstOrDefaultAsync(b => b.Id == id && b.RegionId == actor.RegionId && b.Kind != WorkItemKind.Indicator, ct);
    }

    public static ImportRequest RequestOf(ImportBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var columns = batch.ColumnsJson is null ? null : JsonSerializer.Deserialize<Dictionary<int, string>>(batch.ColumnsJson);
        return new ImportRequest(batch.Kind, batch.LedgerId, batch.FileName, batch.Content, columns, batch.CreateMissing);
    }

    public async Task<ImportPreview> PreviewAsync(ImportBatch batch, CancellationToken ct) =>
        await import.PreviewAsync(await ActorAsync(ct), RequestOf(batch), ct);

    /// <summary>Keeps the person's column choices; only known field names are taken.</summary>
    public async Task SetColumnsAsync(ImportBatch batch, IReadOnlyDictionary<int, string> columns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var kind = LedgerImport.KindOf(batch.Kind);
        var clean = columns.Where(c => c.Key is > 0 and <= 200 && LedgerFields.Find(kind, c.Value) is not null).ToDictionary(c => c.Key, c => c.Value);
        batch.ColumnsJson = JsonSerializer.Serialize(clean);
        await db.SaveChangesAsync(ct);
    }

    public async Task<(ImportPreview Preview, ImportResult? Result)> CommitAsync(ImportBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (preview, result) = await import.CommitAsync(await ActorAsync(ct), RequestOf(batch), ct);
        if (result is not null)
        {
            batch.Status = ImportStatus.Committed;
            batch.CommittedAt = work.UtcNow;
            batch.LedgerId = result.LedgerId;
            batch.ResultJson = JsonSerializer.Serialize(result, LedgerImport.JsonOptions);
            await db.SaveChangesAsync(ct);
        }

        return (preview, result);
    }

    public async Task DiscardAsync(ImportBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Status = ImportStatus.Discarded;
        batch.Content = [];
        await db.SaveChangesAsync(ct);
    }

    public string Message(LedgerIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return ImportJson.Message(l, issue);
    }
}
