using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Indicators;

/// <summary>The office adds or changes an indicator of the catalogue.</summary>
[Requires(Permission.EditWork)]
public sealed class EditModel(DubanDb db, WorkContext work, IndicatorActions actions, IStringLocalizer<SharedResource> l) : PageModel
{
    public int? Id { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Person> Leaders { get; private set; } = [];
    public IReadOnlyList<IndicatorDto> Parents { get; private set; } = [];

    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var scope = await work.ScopeAsync(ct);
            var i = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.RegionId == scope.RegionId, ct);
            if (i is null)
            {
                return NotFound();
            }

            Input = new IndicatorInput
            {
                Name = i.Name,
                Measure = i.Measure,
                Direction = i.Direction,
                Kind = i.Kind,
                FirstMonth = i.FirstMonth,
                PublishesValue = i.PublishesValue,
                ParentId = i.ParentId,
                SourceUnitId = i.SourceUnitId,
                LeadUnitId = i.LeadUnitId,
                LeaderId = i.LeaderId,
                SortOrder = i.SortOrder,
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
            var outcome = await actions.SaveAsync(id, Input, ct);
            if (outcome.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            if (outcome.Kind == OutcomeKind.Ok)
            {
                TempData["Flash"] = l["Common.Saved"].Value;
                return Redirect($"/Indicators/{outcome.Value!.Id}");
            }

            outcome.Errors!.CopyTo(ModelState, "Input.");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        Units = await db.Units.AsNoTracking().Where(u => u.RegionId == scope.RegionId && u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
        Leaders = await db.People.AsNoTracking().Where(p => p.RegionId == scope.RegionId && p.IsActive && p.IsLeader).OrderBy(p => p.Id).ToListAsync(ct);
        Parents = (await IndicatorQueries.CatalogueAsync(db, scope.RegionId, ct)).Where(i => i.ParentId is null && i.Id != Id).ToList();
    }
}
