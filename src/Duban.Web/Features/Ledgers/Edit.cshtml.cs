using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Ledgers;

[Requires(Permission.EditWork)]
public sealed class EditModel(DubanDb db, ScopeAccessor scopes, SaveLedger save, IStringLocalizer<SharedResource> l, Tasks.WorkContext work) : PageModel
{
    public int? Id { get; private set; }

    [BindProperty]
    public LedgerInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Input = new LedgerInput { Year = work.Today.Year };
        if (id is not null)
        {
            var scope = await scopes.GetAsync(ct);
            var ledger = await db.Ledgers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.RegionId == scope.RegionId, ct);
            if (ledger is null)
            {
                return NotFound();
            }

            Input = new LedgerInput
            {
                Name = ledger.Name,
                Year = ledger.Year,
                SourceKind = ledger.SourceKind,
                SourceTitle = ledger.SourceTitle,
                IsArchived = ledger.IsArchived,
                DueSoonDays = ledger.DueSoonDays,
                DueSoonInWorkdays = ledger.DueSoonInWorkdays,
                LagPoints = ledger.LagPoints,
                MissedReportsForYellow = ledger.MissedReportsForYellow,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await save.RunAsync(id, Input, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome.Errors!.CopyTo(ModelState, "Input.");
            return Page();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/Ledgers/View/{outcome.Value!.Id}");
    }
}
