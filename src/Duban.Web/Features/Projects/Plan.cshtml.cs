using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Projects;

/// <summary>The plan view: every project's planned and reached stages and its milestones on one year's months.</summary>
[Requires(Permission.Read)]
public sealed class PlanModel(DubanDb db, WorkContext work) : PageModel
{
    public sealed record Mark(DateOnly Date, string Label, bool Done, bool Late);

    public sealed record Line(int Id, string Name, Light Light, IReadOnlyList<Mark> Marks);

    public int Year { get; private set; }
    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        Year = InputBounds.Year(year, work.Today.Year);
        var from = new DateOnly(Year, 1, 1);
        var to = new DateOnly(Year, 12, 31);
        var scope = await work.ScopeAsync(ct);
        var items = await db.WorkItems.AsNoTracking().VisibleTo(db, scope).Where(w => w.Kind == WorkItemKind.KeyProject)
            .Join(db.Projects.AsNoTracking().Where(p => p.Pool != ProjectPool.Withdrawn), w => w.Id, p => p.WorkItemId, (w, p) => new { w.Id, w.Name, w.Light, Project = p })
            .OrderBy(x => x.Id).Take(300).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var milestones = (await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.WorkItemId) && m.Due >= from && m.Due <= to).ToListAsync(ct)).ToLookup(m => m.WorkItemId);
        var today = work.Today;
        Lines = items.Select(i =>
        {
            var marks = new List<Mark>();
            foreach (var stage in new[] { ProjectStage.Signed, ProjectStage.Started, ProjectStage.Producing, ProjectStage.AtCapacity })
            {
                var reached = i.Project.ActualOn(stage);
                var planned = i.Project.PlannedOn(stage);
                if ((reached ?? planned) is { } d && d >= from && d <= to)
                {
                    marks.Add(new Mark(d, stage.ToString(), reached is not null, reached is null && d < today));
                }
            }

            marks.AddRange(milestones[i.Id].Select(m => new Mark(m.Due, m.Name, m.DoneOn is not null, m.DoneOn is null && m.Due < today)));
            return new Line(i.Id, i.Name, i.Light, marks.OrderBy(m => m.Date).ToList());
        }).ToList();
    }
}
