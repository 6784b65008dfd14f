using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Projects;

[Requires(Permission.EditWork)]
public sealed class EditModel(DubanDb db, ScopeAccessor scopes, SaveProject save, IStringLocalizer<SharedResource> l, Tasks.WorkContext work) : PageModel
{
    public int? Id { get; private set; }
    public IReadOnlyList<Ledger> Ledgers { get; private set; } = [];
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Person> People { get; private set; } = [];

    [BindProperty]
    public ProjectInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? id, int? ledgerId, CancellationToken ct)
    {
        Id = id;
        Input = new ProjectInput { LedgerId = ledgerId, StartYear = work.Today.Year };
        if (id is not null)
        {
            var scope = await scopes.GetAsync(ct);
            var item = await db.WorkItems.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id && w.RegionId == scope.RegionId && w.Kind == WorkItemKind.KeyProject, ct);
            var p = item is null ? null : await db.Projects.AsNoTracking().FirstOrDefaultAsync(x => x.WorkItemId == id, ct);
            if (item is null || p is null)
            {
                return NotFound();
            }

            Input = new ProjectInput
            {
                LedgerId = item.LedgerId,
                Number = item.Number,
                Name = item.Name,
                LeadUnitId = item.LeadUnitId,
                LeaderId = item.LeaderId,
                StewardId = item.LiaisonId,
                Pool = p.Pool == Domain.Projects.ProjectPool.Withdrawn ? p.PoolBeforeWithdrawal ?? Domain.Projects.ProjectPool.Reserve : p.Pool,
                Nature = p.Nature,
                Category = p.Category,
                Level = p.Level,
                IndustryChain = p.IndustryChain,
                OwnerCompany = p.OwnerCompany,
                TownUnitId = p.TownUnitId,
                Longitude = p.Longitude,
                Latitude = p.Latitude,
                Scale = p.Scale,
                StartYear = p.StartYear,
                EndYear = p.EndYear,
                TotalInvestment = p.TotalInvestment,
                SignedPlanned = p.SignedPlanned,
                StartPlanned = p.StartPlanned,
                ProducingPlanned = p.ProducingPlanned,
                AtCapacityPlanned = p.AtCapacityPlanned,
                Deadline = item.Deadline,
            };
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var outcome = await save.RunAsync(id, Input, ct);
            if (outcome.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            if (outcome.Kind == OutcomeKind.Ok)
            {
                TempData["Flash"] = l["Common.Saved"].Value;
                return Redirect($"/Projects/{outcome.Value!.Id}");
            }

            outcome.Errors!.CopyTo(ModelState, "Input.");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Ledgers = await db.Ledgers.AsNoTracking().Where(x => x.RegionId == scope.RegionId && !x.IsArchived).OrderByDescending(x => x.Year).ThenBy(x => x.Id).ToListAsync(ct);
        Units = await db.Units.AsNoTracking().Where(u => u.RegionId == scope.RegionId && u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
        People = await db.People.AsNoTracking().Where(p => p.RegionId == scope.RegionId && p.IsActive).OrderByDescending(p => p.IsLeader).ThenBy(p => p.Id).ToListAsync(ct);
    }
}
