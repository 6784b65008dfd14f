using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Tasks;

[Requires(Permission.EditWork)]
public sealed class EditModel(DubanDb db, WorkContext work, SaveTask save, IStringLocalizer<SharedResource> l) : PageModel
{
    public int? Id { get; private set; }
    public string LedgerName { get; private set; } = string.Empty;

    [BindProperty]
    public TaskInput Input { get; set; } = new();

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyDictionary<int, string> UnitNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<NamedRef> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? ledgerId, int? parentId, CancellationToken ct)
    {
        Id = id;
        var scope = await work.ScopeAsync(ct);
        if (id is not null)
        {
            var t = await TaskDetail.LoadAsync(db, scope, id.Value, ct);
            if (t is null)
            {
                return NotFound();
            }

            Input = new TaskInput
            {
                LedgerId = t.LedgerId,
                ParentId = t.ParentId,
                Number = t.Number,
                Name = t.Name,
                Content = t.Content,
                SourceKind = t.SourceKind,
                SourceTitle = t.SourceTitle,
                SourceDocNumber = t.SourceDocNumber,
                SourceDate = t.SourceDate,
                TargetValue = t.TargetValue,
                TargetUnit = t.TargetUnit,
                LeadUnitId = t.LeadUnit.Id,
                SupportingUnitIds = t.SupportingUnits.Select(u => u.Id).ToList(),
                LeaderId = t.Leader?.Id,
                LiaisonId = t.Liaison?.Id,
                StartDate = t.StartDate,
                Deadline = t.Deadline,
                Cadence = t.Cadence,
                CadenceDay = t.CadenceDay,
                CadenceHour = t.CadenceHour,
                Tags = t.Tags,
                Milestones = t.Milestones.Select(m => new MilestoneInput { Id = m.Id, Name = m.Name, Due = m.Due, DoneOn = m.DoneOn }).ToList(),
            };
        }
        else
        {
            if (ledgerId is null || !await db.Ledgers.AnyAsync(x => x.Id == ledgerId && x.RegionId == scope.RegionId, ct))
            {
                return NotFound();
            }

            Input = new TaskInput { LedgerId = ledgerId, ParentId = parentId, StartDate = work.Today, Cadence = ReportingCadence.DefaultFor(WorkItemKind.Task).Kind, CadenceDay = ReportingCadence.DefaultFor(WorkItemKind.Task).Day, CadenceHour = ReportingCadence.DefaultFor(WorkItemKind.Task).Hour };
        }

        await LoadChoicesAsync(ct);
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
                return Redirect($"/Tasks/{outcome.Value!.Id}");
            }

            outcome.Errors!.CopyTo(ModelState, "Input.");
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        LedgerName = await db.Ledgers.Where(x => x.Id == Input.LedgerId).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        Units = await db.Units.VisibleTo(scope).AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
        UnitNames = Units.ToDictionary(u => u.Id, u => u.ShortName ?? u.Name);
        People = await db.People.AsNoTracking().Where(p => p.RegionId == scope.RegionId && p.IsActive).OrderBy(p => p.UnitId).ThenBy(p => p.Id).ToListAsync(ct);
        Parents = await db.WorkItems.AsNoTracking().Where(w => w.LedgerId == Input.LedgerId && w.Id != Id && w.RegionId == scope.RegionId)
            .OrderBy(w => w.Id).Take(500).Select(w => new NamedRef(w.Id, (w.Number == null ? string.Empty : w.Number + " ") + w.Name)).ToListAsync(ct);
    }
}
