using System.Net;
using System.Text.Json;
using Duban.IntegrationTests.Infrastructure;

namespace Duban.IntegrationTests.Tasks;

public abstract class CalendarTests(DubanFactory app)
{
    [Fact]
    public async Task The_office_records_a_make_up_Saturday_and_a_holiday_and_mistakes_are_refused()
    {
        var office = await app.Data.ApiClientAsync("duchashi");
        var saturday = await office.PostAsJsonAsync("/api/v1/calendar", new { date = "2030-09-28", isWorkday = true, name = "国庆节调休" });
        Assert.Equal(HttpStatusCode.Created, saturday.StatusCode);
        var holiday = await office.PostAsJsonAsync("/api/v1/calendar", new { date = "2030-10-01", isWorkday = false, name = "国庆节" });
        Assert.Equal(HttpStatusCode.Created, holiday.StatusCode);

        var weekdayWorkday = await office.PostAsJsonAsync("/api/v1/calendar", new { date = "2030-10-08", isWorkday = true, name = "调休" });
        Assert.Equal(HttpStatusCode.BadRequest, weekdayWorkday.StatusCode);
        Assert.Contains("只有周末才需要登记调休上班", await weekdayWorkday.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var twice = await office.PostAsJsonAsync("/api/v1/calendar", new { date = "2030-10-01", isWorkday = false, name = "国庆节" });
        Assert.Contains("这一天已经登记过了", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var year = await office.GetFromJsonAsync<JsonElement>("/api/v1/calendar?year=2030");
        Assert.Equal(2, year.GetArrayLength());

        // Another region's office cannot remove this region's day.
        var id = (await holiday.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await office.DeleteAsync($"/api/v1/calendar/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.DeleteAsync($"/api/v1/calendar/{id}")).StatusCode);
    }
}

[Collection(OnSqlite.Name)]
public sealed class CalendarTestsOnSqlite(SqliteFactory app) : CalendarTests(app);

[Collection(OnPostgres.Name)]
public sealed class CalendarTestsOnPostgres(PostgresFactory app) : CalendarTests(app);
