using System.Text.Json;
using Duban.Domain.Access;
using Duban.Domain.LedgerFiles;
using Duban.Sheets.Ledgers;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.LedgerFiles;

/// <summary>
/// The check before anything is written: the sheet as read (title, year, unit), the column mapping to confirm or
/// correct, every row issue with its cell, a preview of the rows with what will happen to each, and the one
/// button that commits. After the commit: what was written and what was left out, and why.
/// </summary>
[Requires(Permission.ImportLedgers)]
public sealed class ReviewModel(ImportSession session, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PreviewRows = 300;

    public ImportBatch Batch { get; private set; } = null!;
    public ImportPreview? Preview { get; private set; }
    public ImportResult? Result { get; private set; }
    public string Message(LedgerIssue issue) => session.Message(issue);

    public IReadOnlyList<LedgerField> Fields => LedgerFields.For(LedgerImport.KindOf(Batch.Kind));

    public int Count(RowAction action) => Preview?.Rows.Count(r => r.Action == action) ?? 0;

    public int Count(Severity severity) => Preview?.Issues.Count(i => i.Severity == severity) ?? 0;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await session.FindAsync(id, ct) is not { } batch)
        {
            return NotFound();
        }

        Batch = batch;
        if (batch.Status == ImportStatus.Committed && batch.ResultJson is not null)
        {
            Result = JsonSerializer.Deserialize<ImportResult>(batch.ResultJson, LedgerImport.JsonOptions);
        }
        else if (batch.Status == ImportStatus.Draft)
        {
            Preview = await session.PreviewAsync(batch, ct);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostMappingAsync(int id, Dictionary<int, string>? columns, CancellationToken ct)
    {
        if (await session.FindAsync(id, ct) is not { } batch)
        {
            return NotFound();
        }

        if (batch.Status != ImportStatus.Draft)
        {
            TempData["Flash"] = l["LedgerFiles.NotDraft"].Value;
            return Redirect($"/LedgerFiles/Review/{id}");
        }

        await session.SetColumnsAsync(batch, columns ?? [], ct);
        return Redirect($"/LedgerFiles/Review/{id}");
    }

    public async Task<IActionResult> OnPostCommitAsync(int id, CancellationToken ct)
    {
        if (await session.FindAsync(id, ct) is not { } batch)
        {
            return NotFound();
        }

        if (batch.Status != ImportStatus.Draft)
        {
            TempData["Flash"] = l["LedgerFiles.NotDraft"].Value;
            return Redirect($"/LedgerFiles/Review/{id}");
        }

        var (preview, result) = await session.CommitAsync(batch, ct);
        if (result is null)
        {
            Batch = batch;
            Preview = preview;
            ModelState.AddModelError(string.Empty, l["LedgerFiles.CannotCommit"]);
            return Page();
        }

        TempData["Flash"] = l["LedgerFiles.Committed", result.Rows.Count(r => r.Action == RowAction.Create), result.Rows.Count(r => r.Action == RowAction.Update), result.Skipped.Count].Value;
        return Redirect($"/LedgerFiles/Review/{id}");
    }

    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken ct)
    {
        if (await session.FindAsync(id, ct) is not { } batch)
        {
            return NotFound();
        }

        if (batch.Status == ImportStatus.Draft)
        {
            await session.DiscardAsync(batch, ct);
        }

        return Redirect("/LedgerFiles");
    }
}
