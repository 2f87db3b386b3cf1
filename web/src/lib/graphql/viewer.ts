import { graphql } from '$lib/gql';

/**
 * Who is signed in. `me` is null without a valid session. The root layout and the pages share this
 * one document, so urql sends it once and every screen sees the same answer.
 */
export const ViewerQuery = graphql(`
  query Viewer {
    me {
      roles
      mustChangePassword
      employee {
        id
        nip
        name
        positionTitle
        orgUnit {
          id
          name
          shortName
        }
      }
    }
  }
`);
