using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Promotion;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Leads;

/// <summary>A unit (or the office) registers a lead or changes one it follows.</summary>
[Requires(Permission.FollowLeads)]
public sealed class EditModel(DubanDb db, WorkContext work, LeadActions actions, IStringLocalizer<SharedResource> l) : PageModel
{
    public int? Id { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Person> Leaders { get; private set; } = [];
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<IndustryNode> Industries { get; private set; } = [];

    [BindProperty]
    public LeadInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var scope = await work.ScopeAsync(ct);
        if (id is not null)
        {
            var detail = await LeadQueries.DetailAsync(db, scope, id.Value, work.Today, ct);
            if (detail is null)
            {
                return NotFound();
            }

            var r = detail.Lead;
            Input = new LeadInput
            {
                Name = r.Name,
                Investor = r.Investor,
                InvestorOrigin = r.InvestorOrigin,
                IndustryNodeId = detail.IndustryNodeId,
                Industry = r.Industry,
                Source = r.Source,
                SourceText = r.SourceText,
                PlannedInvestment = r.PlannedInvestment,
                FollowingUnitId = r.UnitId,
                LeaderId = detail.LeaderId,
                LiaisonId = detail.LiaisonId,
                Stage = r.Stage,
                Content = detail.Content,
            };
        }
        else if (!scope.RegionWide && scope.UnitPaths.Count > 0)
        {
            var own = await db.Units.Where(u => u.RegionId == scope.RegionId && u.Path == scope.UnitPaths[0]).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            Input = new LeadInput { FollowingUnitId = own, LiaisonId = scope.PersonId };
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var outcome = await actions.SaveAsync(id, Input, ct);
            if (outcome.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            if (outcome.Kind == OutcomeKind.Ok)
            {
                TempData["Flash"] = l["Common.Saved"].Value;
                return Redirect($"/Leads/{outcome.Value!.Id}");
            }

            outcome.Errors!.CopyTo(ModelState, "Input.");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.RegionId == scope.RegionId && u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
        Units = units.Where(scope.CanSee).ToList();
        Leaders = await db.People.AsNoTracking().Where(p => p.RegionId == scope.RegionId && p.IsActive && p.IsLeader).OrderBy(p => p.Id).ToListAsync(ct);
        var unitIds = Units.Select(u => u.Id).ToList();
        People = await db.People.AsNoTracking().Where(p => p.RegionId == scope.RegionId && p.IsActive && !p.IsLeader && unitIds.Contains(p.UnitId)).OrderBy(p => p.UnitId).ThenBy(p => p.Id).Take(500).ToListAsync(ct);
        Industries = await db.IndustryNodes.AsNoTracking().Where(n => n.RegionId == scope.RegionId).OrderBy(n => n.ParentId).ThenBy(n => n.SortOrder).ThenBy(n => n.Id).ToListAsync(ct);
    }
}
