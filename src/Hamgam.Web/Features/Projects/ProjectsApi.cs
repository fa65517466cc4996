using Hamgam.Core.Data;
using Hamgam.Core.Projects;
using Hamgam.Web.Features.Api;

namespace Hamgam.Web.Features.Projects;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjects(this IEndpointRouteBuilder app)
    {
        new EntityApi<Project, ProjectDto>(EntityKind.Project, ProjectDto.From, Filter).Map(app, "/api/projects", "Projects");
        return app;
    }

    private static IQueryable<Project> Filter(IQueryable<Project> projects, EntityListQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            projects = projects.Where(p => p.Name.Contains(q.Search));
        }

        return q.Status is null ? projects : projects.Where(p => p.Status == q.Status);
    }
}
