using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Duban.Web.Features.Projects;

/// <summary>"三个一批" by unit for a month: stage counts and rates, large projects, investment against plan.</summary>
[Requires(Permission.Read)]
public sealed class FiguresModel(DubanDb db, WorkContext work) : PageModel
{
    public Figures Figures { get; private set; } = null!;

    public async Task OnGetAsync(int? year, int? month, CancellationToken ct)
    {
        var (y, m) = ProjectsApi.Period(year, month, work.Today);
        Figures = await ProjectFigures.ForAsync(db, await work.ScopeAsync(ct), y, m, ct);
    }
}
