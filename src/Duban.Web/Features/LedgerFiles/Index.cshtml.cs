using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.LedgerFiles;
using Duban.Domain.Work;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.LedgerFiles;

/// <summary>Upload a ledger (.xlsx or .csv) to check it; recent imports with their outcome.</summary>
[Requires(Permission.ImportLedgers)]
[RequestSizeLimit(LedgerFile.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = LedgerFile.MaxBytes + (1024 * 1024))]
public sealed class IndexModel(DubanDb db, ScopeAccessor scopes) : PageModel
{
    public sealed record Recent(int Id, string FileName, WorkItemKind Kind, ImportStatus Status, DateTime CreatedAt, string CreatedByName, int? LedgerId);

    public IReadOnlyList<Ledger> Ledgers { get; private set; } = [];
    public IReadOnlyList<Recent> Batches { get; private set; } = [];

    [BindProperty]
    public WorkItemKind Kind { get; set; } = WorkItemKind.Task;

    [BindProperty]
    public int? LedgerId { get; set; }

    [BindProperty]
    public bool CreateMissing { get; set; }

    public async Task OnGetAsync(WorkItemKind? kind, int? ledgerId, CancellationToken ct)
    {
        Kind = kind ?? Kind;
        LedgerId = ledgerId;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, [FromServices] ImportSession session, CancellationToken ct)
    {
        var outcome = await session.UploadAsync(Kind, LedgerId, file, CreateMissing, ct);
        if (outcome.Kind != OutcomeKind.Ok)
        {
            outcome.Errors!.CopyTo(ModelState, string.Empty);
            await LoadAsync(ct);
            return Page();
        }

        return Redirect($"/LedgerFiles/Review/{outcome.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Ledgers = await db.Ledgers.AsNoTracking().Where(l => l.RegionId == scope.RegionId && !l.IsArchived).OrderByDescending(l => l.Year).ThenBy(l => l.Name).ToListAsync(ct);
        Batches = await db.ImportBatches.AsNoTracking().Where(b => b.RegionId == scope.RegionId && b.Kind != Domain.Work.WorkItemKind.Indicator).OrderByDescending(b => b.Id).Take(20)
            .Select(b => new Recent(b.Id, b.FileName, b.Kind, b.Status, b.CreatedAt, b.CreatedByName, b.LedgerId)).ToListAsync(ct);
    }
}
