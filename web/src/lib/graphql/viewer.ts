import { graphql } from '$lib/gql';

/**
 * Who is signed in. `me` is null without a valid session. The root layout and the pages share this
 * one document, so urql sends it once and every screen sees the same answer. It asks for `me` only:
 * a person whose password was reset may ask for nothing else, so anything more would refuse the
 * whole operation for them.
 */
export const ViewerQuery = graphql(`
  query Viewer {
    me {
      roles
      mustChangePassword
      adminOrgUnit {
        id
        name
      }
      employee {
        id
        nip
        name
        positionTitle
        jobType
        orgUnit {
          id
          name
          shortName
        }
        directReports {
          id
        }
      }
    }
  }
`);
